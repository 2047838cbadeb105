using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NerveSpasmGuide.Data.Editorial;
using NerveSpasmGuide.Web.Editing;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Pages.Editor;

/// <summary>Sign-in with a personal account once one exists; before that, with the shared editor token.</summary>
[EnableRateLimiting(EditorAccess.SignInPolicy)]
public sealed partial class SignInModel(
    EditorAccountsGate gate, AccountSignIn signIn, EditorialStore store, IOptions<GuideOptions> options, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Token { get; set; }

    /// <summary>True once any account exists: the form asks for an email and password, and the token is refused.</summary>
    public bool WithAccounts { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => WithAccounts = await gate.AnyAccountAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        WithAccounts = await gate.AnyAccountAsync(cancellationToken);
        if (WithAccounts)
        {
            if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
            {
                return Refuse(string.IsNullOrEmpty(Token)
                    ? "Enter your email address and password."
                    : "The shared editor token no longer works now that editor accounts exist. Sign in with your own email address and password.");
            }

            var (outcome, principal) = await signIn.PasswordAsync(Email, Password, cancellationToken);
            switch (outcome)
            {
                case SignInOutcome.SignedIn:
                    await HttpContext.SignInAsync(EditorAccess.Scheme, principal!);
                    return LocalRedirect("/editor");
                case SignInOutcome.LockedOut:
                    return Refuse($"This account is locked for {EditorialIdentity.LockoutDuration.TotalMinutes:0} minutes after " +
                        $"{EditorialIdentity.FailedAttemptsBeforeLockout} wrong passwords. Try again later, or ask an administrator.");
                default:
                    return Refuse("That email address and password do not match an account.");
            }
        }

        if (EditorAccess.IsValidToken(Token, options.Value.EditorToken))
        {
            var principal = AccountSignIn.TokenPrincipal();
            await HttpContext.SignInAsync(EditorAccess.Scheme, principal);
            await store.AuditAsync(EditorAccess.Who(principal), AuditAction.SignedIn, "", "shared editor token", cancellationToken);
            return LocalRedirect("/editor");
        }

        return Refuse(string.IsNullOrEmpty(Token) ? "Enter the editor token." : "That token is not right.");
    }

    private PageResult Refuse(string problem)
    {
        LogRejected(ClientAddress.Of(HttpContext));
        Problem = problem;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Editor sign-in rejected from {RemoteAddress}")]
    private partial void LogRejected(string remoteAddress);
}
