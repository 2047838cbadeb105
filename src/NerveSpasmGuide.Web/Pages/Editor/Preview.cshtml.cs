using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Queries;

namespace NerveSpasmGuide.Web.Pages.Editor;

/// <summary>A full preview of any article, drafts included; only signed-in editors reach it.</summary>
public sealed class PreviewModel(ArticleQueries queries) : PageModel
{
    public ArticlePage Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kind, string slug, CancellationToken cancellationToken)
    {
        if (!ArticleKinds.TryParseFolder(kind, out var parsed) ||
            await queries.FindAsync(parsed, slug, includeDrafts: true, cancellationToken) is not ArticleLookup.Found found)
        {
            return NotFound();
        }

        Article = found.Page;
        return Page();
    }
}
