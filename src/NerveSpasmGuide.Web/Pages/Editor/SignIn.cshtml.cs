using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NerveSpasmGuide.Web.Editing;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Pages.Editor;

[EnableRateLimiting(EditorAccess.SignInPolicy)]
public sealed partial class SignInModel(IOptions<GuideOptions> options, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the editor token.")]
    [Display(Name = "Editor token")]
    public string? Token { get; set; }

    public bool Rejected { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid && EditorAccess.IsValidToken(Token, options.Value.EditorToken))
        {
            await EditorAccess.SignInAsync(HttpContext);
            return LocalRedirect("/editor");
        }

        LogRejected(ClientAddress.Of(HttpContext));
        Rejected = true;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Editor sign-in rejected from {RemoteAddress}")]
    private partial void LogRejected(string remoteAddress);
}
