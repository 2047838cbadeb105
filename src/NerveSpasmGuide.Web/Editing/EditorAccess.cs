using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NerveSpasmGuide.Data.Editorial;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Editing;

/// <summary>
/// Sign-in for the editor dashboard: personal accounts (ASP.NET Core Identity in the editorial store) with roles, or
/// the shared token until the first account exists; a strict cookie and rate-limited attempts.
/// </summary>
public static class EditorAccess
{
    public const string Scheme = "Editor";
    public const string SignInPath = "/editor/sign-in";
    public const int SignInAttemptsPerMinute = 5;

    /// <summary>Only clinical reviewers sign off a version of an article.</summary>
    public const string SignOffPolicy = "sign-off";

    /// <summary>Only administrators add accounts.</summary>
    public const string AdministerPolicy = "administer";

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
            options.Events.OnValidatePrincipal = ValidateSessionAsync;

            // A signed-in editor without the role gets a plain 403 page, not the sign-in form again.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(SignOffPolicy, policy => policy.RequireRole(EditorRoles.ClinicalReviewer))
            .AddPolicy(AdministerPolicy, policy => policy.RequireRole(EditorRoles.Administrator));
        services.AddDurableStore<EditorialDbContext>(options => options.EditorialDatabasePath, QueryTrackingBehavior.TrackAll);
        services.AddEditorialIdentity();
        services.AddSingleton<EditorialStore>();
        services.AddSingleton<EditorAccountsGate>();
        services.AddScoped<AccountSignIn>();
        services.AddScoped<EditorialQueries>();
        services.AddScoped<ReviewSignOffs>();
        services.AddScoped<ArticleOwners>();
        services.AddScoped<EditorDashboard>();
        services.AddScoped<EditorAccountAdmin>();
        services.AddHostedService<SignOffsLoader>();
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

    /// <summary>Without a configured token or any account the dashboard does not exist: every /editor URL is a plain 404.</summary>
    public static IApplicationBuilder UseGuideEditor(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<GuideOptions>>();
        var gate = app.ApplicationServices.GetRequiredService<EditorAccountsGate>();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/editor", StringComparison.OrdinalIgnoreCase) &&
                !options.Value.EditorEnabled && !await gate.AnyAccountAsync(context.RequestAborted))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Compares hashes so the time taken does not depend on where the strings differ or their lengths.</summary>
    public static bool IsValidToken(string? candidate, string? token) =>
        !string.IsNullOrEmpty(candidate) && !string.IsNullOrEmpty(token) &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Who did it, for audit records: the account's email (or "editor token") and the session it signed in with.</summary>
    public static string Who(ClaimsPrincipal user) =>
        $"{user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "editor"} (session {user.FindFirstValue(ClaimTypes.Sid) ?? "unknown"})";

    /// <summary>
    /// A token session ends once any account exists; an account's session ends when the account is gone or locked.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var cancellationToken = context.HttpContext.RequestAborted;
        var valid = context.Principal?.FindFirstValue(EditorClaims.Via) switch
        {
            EditorClaims.ViaToken => !await services.GetRequiredService<EditorAccountsGate>().AnyAccountAsync(cancellationToken),
            EditorClaims.ViaAccount => await IsActiveAsync(services.GetRequiredService<UserManager<EditorAccount>>(), context.Principal!.FindFirstValue(ClaimTypes.NameIdentifier)),
            _ => false,
        };
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    private static async Task<bool> IsActiveAsync(UserManager<EditorAccount> users, string? id) =>
        id is not null && await users.FindByIdAsync(id) is { } user && !await users.IsLockedOutAsync(user);
}

/// <summary>Reads every article's latest sign-off once the editorial store is migrated, before requests are taken.</summary>
internal sealed class SignOffsLoader(EditorialStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
