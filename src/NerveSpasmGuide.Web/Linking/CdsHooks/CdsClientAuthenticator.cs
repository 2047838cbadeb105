using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NerveSpasmGuide.Web.Linking.CdsHooks;

/// <summary>
/// "Trusting CDS Clients" (CDS Hooks 2.0): every call carries <c>Authorization: Bearer {JWT}</c>, signed by the EHR
/// with a key from its published key set, with <c>iss</c>, <c>aud</c> (this service's URL), <c>exp</c>, <c>iat</c>
/// and a <c>jti</c> that is never accepted twice.
/// </summary>
public sealed class CdsClientAuthenticator(IOptions<CdsHooksOptions> options, IHttpClientFactory http, TimeProvider clock, ILogger<CdsClientAuthenticator> logger)
{
    public const string KeySetClient = "cds-hooks-jwks";
    private static readonly TimeSpan KeySetLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);
    private readonly JsonWebTokenHandler handler = new();
    private readonly ConcurrentDictionary<string, (DateTimeOffset Loaded, IList<SecurityKey> Keys)> keySets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> seenTokenIds = new(StringComparer.Ordinal);
    private long nextSweepTicks;

    /// <returns>Null when the caller is trusted; otherwise why not, for the 401 and the log.</returns>
    public async Task<string?> RefusalAsync(string? authorization, string audience, CancellationToken cancellationToken)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return "no bearer token";
        }

        var token = authorization["Bearer ".Length..].Trim();
        if (!handler.CanReadToken(token))
        {
            return "the bearer token is not a JWT";
        }

        var unverified = handler.ReadJsonWebToken(token);
        var client = options.Value.Clients.FirstOrDefault(c => c.Issuer == unverified.Issuer);
        if (client is null)
        {
            return "the token's issuer is not a configured client";
        }

        IList<SecurityKey> keys;
        try
        {
            keys = await KeysAsync(client, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ArgumentException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("CDS Hooks: the key set of {Issuer} at {KeySet} could not be read: {Reason}", client.Issuer, client.JwksUrl, ex.Message);
            return "the EHR's key set could not be read, so its token cannot be checked";
        }

        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = client.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = keys,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } until && until + ClockSkew >= now && (notBefore is not { } from || from - ClockSkew <= now);
            },
        });
        if (!result.IsValid)
        {
            logger.LogInformation("CDS Hooks call from {Issuer} refused: {Reason}", client.Issuer, result.Exception?.Message);
            return "the token is not valid for this service";
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        if (!jwt.TryGetPayloadValue<long>("iat", out _))
        {
            return "the token has no iat claim";
        }

        if (string.IsNullOrEmpty(jwt.Id))
        {
            return "the token has no jti claim";
        }

        return Remember(client.Issuer + " " + jwt.Id, jwt.ValidTo) ? null : "the token was already used (jti seen before)";
    }

    /// <summary>True the first time a token id is seen; ids are kept until their token expires (swept twice a minute).</summary>
    private bool Remember(string tokenId, DateTime expires)
    {
        var now = clock.GetUtcNow();
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now.UtcTicks >= due && Interlocked.CompareExchange(ref nextSweepTicks, (now + TimeSpan.FromSeconds(30)).UtcTicks, due) == due)
        {
            foreach (var (id, until) in seenTokenIds)
            {
                if (until < now)
                {
                    seenTokenIds.TryRemove(id, out _);
                }
            }
        }

        return seenTokenIds.TryAdd(tokenId, new DateTimeOffset(expires, TimeSpan.Zero) + ClockSkew);
    }

    private async Task<IList<SecurityKey>> KeysAsync(CdsClient client, CancellationToken cancellationToken)
    {
        if (keySets.TryGetValue(client.Issuer, out var cached) && clock.GetUtcNow() - cached.Loaded < KeySetLifetime)
        {
            return cached.Keys;
        }

        var json = client.IsFile
            ? await File.ReadAllTextAsync(client.JwksUrl, cancellationToken)
            : await http.CreateClient(KeySetClient).GetStringAsync(new Uri(client.JwksUrl), cancellationToken);
        var keys = new JsonWebKeySet(json).GetSigningKeys();
        keySets[client.Issuer] = (clock.GetUtcNow(), keys);
        return keys;
    }
}
