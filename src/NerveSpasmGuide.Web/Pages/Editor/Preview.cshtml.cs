using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Editorial;
using NerveSpasmGuide.Web.Editing;

namespace NerveSpasmGuide.Web.Pages.Editor;

/// <summary>A full preview of any article, drafts included, with its review status; a clinical reviewer signs off the version shown here.</summary>
public sealed class PreviewModel(EditorialQueries queries, ReviewSignOffs signOffs) : PageModel
{
    public ArticlePreview Preview { get; private set; } = null!;

    public bool CanSignOff => User.IsInRole(EditorRoles.ClinicalReviewer);

    /// <summary>Why the last sign-off was refused, for the notice above the article.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, string slug, CancellationToken cancellationToken) =>
        await LoadAsync(kind, slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSignOffAsync(string kind, string slug, string? hash, CancellationToken cancellationToken)
    {
        switch (await signOffs.SignOffAsync(User, slug, hash ?? "", cancellationToken))
        {
            case SignOffResult.SignedOff:
                return LocalRedirect($"/editor/preview/{kind}/{slug}#review");
            case SignOffResult.NotAReviewer:
                return Forbid();
            case SignOffResult.NoSuchArticle:
                return NotFound();
            default:
                if (!await LoadAsync(kind, slug, cancellationToken))
                {
                    return NotFound();
                }

                Problem = "The file changed after you opened this page, so the sign-off was not recorded. Read the version below, then sign it off.";
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
    }

    private async Task<bool> LoadAsync(string kind, string slug, CancellationToken cancellationToken)
    {
        if (!ArticleKinds.TryParseFolder(kind, out var parsed) || await queries.PreviewAsync(parsed, slug, cancellationToken) is not { } preview)
        {
            return false;
        }

        Preview = preview;
        return true;
    }
}
