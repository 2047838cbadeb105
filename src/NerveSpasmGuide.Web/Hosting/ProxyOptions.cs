using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.Options;

namespace NerveSpasmGuide.Web.Hosting;

/// <summary>
/// The "Guide:Proxy" section: which reverse proxies may tell the site who the client is (X-Forwarded-For) and whether
/// the client used HTTPS (X-Forwarded-Proto). Without it, behind nginx every reader shares the proxy's address, so one
/// busy reader would use up the feedback and sign-in allowances of all of them.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Guide:Proxy";

    /// <summary>
    /// Addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/8</c>) of proxies in front of the site, besides this
    /// machine's own loopback, which is always trusted. Headers from any other sender are ignored, so a client cannot
    /// choose its own address.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>How many proxies in a chain the site reads back through (a CDN in front of nginx is 2).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;
}

internal sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var failures = options.TrustedProxies
            .Where(entry => !IPAddress.TryParse(entry, out _) && !IPNetwork.TryParse(entry, out _))
            .Select(entry => $"{ProxyOptions.Section}:TrustedProxies '{entry}' is neither an IP address (10.0.0.5) nor a network (10.0.0.0/8).")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Turns the validated proxy list into the framework's forwarded-headers settings.</summary>
internal sealed class ConfigureForwardedHeaders(IOptions<ProxyOptions> proxy) : IConfigureOptions<ForwardedHeadersOptions>
{
    public void Configure(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = proxy.Value.ForwardLimit;
        foreach (var entry in proxy.Value.TrustedProxies)
        {
            if (IPAddress.TryParse(entry, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                options.KnownIPNetworks.Add(IPNetwork.Parse(entry));
            }
        }
    }
}

/// <summary>The client's address as the rate limits count it: the forwarded one when a trusted proxy sent the request.</summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
