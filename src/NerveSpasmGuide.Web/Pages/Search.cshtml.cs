using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Data.Search;

namespace NerveSpasmGuide.Web.Pages;

public sealed class SearchModel(ArticleSearch search) : PageModel
{
    public SearchResults Results { get; private set; } = SearchResults.Empty;

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken) =>
        Results = await search.SearchAsync(q, cancellationToken);
}
