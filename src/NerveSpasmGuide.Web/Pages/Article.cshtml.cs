using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Pages;

public sealed class ArticleModel(ArticleQueries queries, SpanishQueries spanish) : PageModel
{
    public ArticlePage Article { get; private set; } = null!;

    public ArticleLookup.Gone? Retired { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, string slug, CancellationToken cancellationToken)
    {
        if (!ArticleKinds.TryParseFolder(kind, out var parsed))
        {
            return NotFound();
        }

        if (GuideLanguages.IsSpanish(HttpContext))
        {
            if (await spanish.FindAsync(parsed, slug, cancellationToken) is ArticleLookup.Found inSpanish)
            {
                return Show(inSpanish.Page);
            }

            // A page not translated yet opens in English (its own address, never one built from the request), so a
            // link given to a patient still leads somewhere useful; anything else is the usual 404.
            return await queries.FindAsync(parsed, slug.ToLowerInvariant(), includeDrafts: false, cancellationToken) is ArticleLookup.Found inEnglish
                ? Redirect(inEnglish.Page.Card.Url)
                : NotFound();
        }

        var lookup = await queries.FindAsync(parsed, slug.ToLowerInvariant(), includeDrafts: false, cancellationToken);
        switch (lookup)
        {
            case ArticleLookup.Found found when string.Equals(slug, found.Page.Card.Slug, StringComparison.Ordinal):
                return Show(found.Page);
            case ArticleLookup.Found found:
                return RedirectPermanent(found.Page.Card.Url);
            case ArticleLookup.Moved moved:
                return RedirectPermanent(moved.Url);
            case ArticleLookup.Gone gone:
                Retired = gone;
                Response.StatusCode = StatusCodes.Status410Gone;
                return Page();
            default:
                return NotFound();
        }
    }

    private PageResult Show(ArticlePage page)
    {
        Article = page;
        return Page();
    }
}
