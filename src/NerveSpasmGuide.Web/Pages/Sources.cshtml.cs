using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Pages;

public sealed class SourcesModel(ArticleQueries queries, SpanishQueries spanish) : PageModel
{
    public IReadOnlyList<SourceWithCitations> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sources = GuideLanguages.IsSpanish(HttpContext) ? await spanish.SourcesAsync(cancellationToken) : await queries.SourcesAsync(cancellationToken);
}
