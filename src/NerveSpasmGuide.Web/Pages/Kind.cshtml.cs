using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Pages;

public sealed class KindModel(ArticleQueries queries, SpanishQueries spanish) : PageModel
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
        Articles = GuideLanguages.IsSpanish(HttpContext) ? await spanish.ListAsync(parsed, cancellationToken) : await queries.ListAsync(parsed, cancellationToken);
        return Page();
    }
}
