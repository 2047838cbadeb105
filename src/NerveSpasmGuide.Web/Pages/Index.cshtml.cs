using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Pages;

public sealed class IndexModel(ArticleQueries queries, SpanishQueries spanish) : PageModel
{
    public HomeOverview Overview { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Overview = GuideLanguages.IsSpanish(HttpContext) ? await spanish.HomeAsync(cancellationToken) : queries.Home();
}
