using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Data.Queries;

namespace NerveSpasmGuide.Web.Pages;

public sealed class SourcesModel(ArticleQueries queries) : PageModel
{
    public IReadOnlyList<SourceWithCitations> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Sources = await queries.SourcesAsync(cancellationToken);
}
