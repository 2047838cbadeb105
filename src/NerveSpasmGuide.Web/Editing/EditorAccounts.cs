using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Data.Editorial;

namespace NerveSpasmGuide.Web.Editing;

/// <summary>How a session signed in: with a personal account, or with the shared token (only before any account exists).</summary>
public static class EditorClaims
{
    public const string Via = "nsg:via";
    public const string ViaAccount = "account";
    public const string ViaToken = "token";
}

/// <summary>
/// Whether any editor account exists. Once one does, the shared token stops: it signs nobody in and its sessions end.
/// "Yes" is kept (accounts are not deleted from the site); "no" is asked of the store each time, so the first
/// administrator, made by <c>create-admin</c> in another process or on this one, takes effect on the next request.
/// </summary>
public sealed class EditorAccountsGate(IDbContextFactory<EditorialDbContext> editorial)
{
    private volatile bool any;

    public async ValueTask<bool> AnyAccountAsync(CancellationToken cancellationToken) =>
        any || (any = await EditorialQueries.AnyAccountAsync(editorial, cancellationToken));
}

/// <summary>The outcome of a password sign-in.</summary>
public enum SignInOutcome
{
    SignedIn,
    Refused,
    LockedOut,
}

/// <summary>
/// Personal sign-in: the password checked by Identity, failures counted towards a lockout, and every attempt in the
/// audit log (a refusal names the address typed only when it belongs to an account).
/// </summary>
public sealed class AccountSignIn(UserManager<EditorAccount> users, EditorialStore store)
{
    public async Task<(SignInOutcome Outcome, ClaimsPrincipal? Principal)> PasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            // Identity has no account to lock, and the rate limit on the page holds back guessing; the audit keeps no unknown address.
            await store.AuditAsync("unknown account", AuditAction.SignInRefused, "", "no account with that email", cancellationToken);
            return (SignInOutcome.Refused, null);
        }

        var who = user.Email ?? user.Id;
        if (await users.IsLockedOutAsync(user))
        {
            await store.AuditAsync(who, AuditAction.SignInRefused, who, "account locked", cancellationToken);
            return (SignInOutcome.LockedOut, null);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            await store.AuditAsync(who, locked ? AuditAction.LockedOut : AuditAction.SignInRefused, who,
                locked ? $"locked for {EditorialIdentity.LockoutDuration.TotalMinutes:0} minutes after {EditorialIdentity.FailedAttemptsBeforeLockout} wrong passwords" : "wrong password",
                cancellationToken);
            return (locked ? SignInOutcome.LockedOut : SignInOutcome.Refused, null);
        }

        await users.ResetAccessFailedCountAsync(user);
        await store.AuditAsync(who, AuditAction.SignedIn, who, "password", cancellationToken);
        var roles = await users.GetRolesAsync(user);
        return (SignInOutcome.SignedIn, Principal(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.DisplayName), new Claim(ClaimTypes.Email, who),
             new Claim(EditorClaims.Via, EditorClaims.ViaAccount), .. roles.Select(role => new Claim(ClaimTypes.Role, role))]));
    }

    /// <summary>A session from the shared token: an editor, never a reviewer or administrator.</summary>
    public static ClaimsPrincipal TokenPrincipal() => Principal(
        [new Claim(ClaimTypes.Name, "editor token"), new Claim(EditorClaims.Via, EditorClaims.ViaToken), new Claim(ClaimTypes.Role, EditorRoles.Editor)]);

    /// <summary>Each sign-in is a session of its own, so the audit can say which session did what.</summary>
    private static ClaimsPrincipal Principal(IEnumerable<Claim> claims) =>
        new(new ClaimsIdentity([.. claims, new Claim(ClaimTypes.Sid, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)))], EditorAccess.Scheme));
}
