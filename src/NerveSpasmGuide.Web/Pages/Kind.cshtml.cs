using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Queries;

namespace NerveSpasmGuide.Web.Pages;

public sealed class KindModel(ArticleQueries queries) : PageModel
{
    public ArticleKind Kind { get; private set; }

    public IReadOnlyList<ArticleCard> Articles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken cancellationToken)
    {
        if (!ArticleKinds.TryParseFolder(kind, out var parsed))
        {
            return NotFound();
        }

        Kind = parsed;
        Articles = await queries.ListAsync(parsed, cancellationToken);
        return Page();
    }
}
