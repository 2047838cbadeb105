using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Editing;

/// <summary>Sign-in for the editor dashboard: one shared token, a strict cookie and rate-limited attempts.</summary>
public static class EditorAccess
{
    public const string Scheme = "Editor";
    public const string SignInPath = "/editor/sign-in";
    public const int SignInAttemptsPerMinute = 5;

    /// <summary>The rate-limit policy on the sign-in page: 5 token attempts a minute per client address.</summary>
    public const string SignInPolicy = "editor-sign-in";

    public static IServiceCollection AddGuideEditor(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "nsg_editor";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/editor";
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = SignInPath;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.AddAuthorization();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "nsg_antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRateLimiter(options => options.AddPolicy(SignInPolicy, context =>
            HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("reading the form")));
        return services;
    }

    /// <summary>Without a configured token the dashboard does not exist: every /editor URL is a plain 404.</summary>
    public static IApplicationBuilder UseGuideEditor(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<GuideOptions>>();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/editor", StringComparison.OrdinalIgnoreCase) && !options.Value.EditorEnabled,
            branch => branch.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }));
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Compares hashes so the time taken does not depend on where the strings differ or their lengths.</summary>
    public static bool IsValidToken(string? candidate, string? token) =>
        !string.IsNullOrEmpty(candidate) && !string.IsNullOrEmpty(token) &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Each sign-in is a session of its own, so the moderation audit can say which session did what.</summary>
    public static Task SignInAsync(HttpContext context) =>
        context.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "editor"), new Claim(ClaimTypes.Sid, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)))], Scheme)));

    /// <summary>Who did it, for audit records: the editor's name and the session they signed in with.</summary>
    public static string Who(ClaimsPrincipal user) =>
        $"{user.Identity?.Name ?? "editor"} (session {user.FindFirstValue(ClaimTypes.Sid) ?? "unknown"})";
}
