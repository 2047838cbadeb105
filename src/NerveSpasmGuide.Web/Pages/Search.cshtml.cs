using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using NerveSpasmGuide.Data.Search;
using NerveSpasmGuide.Web.Search;

namespace NerveSpasmGuide.Web.Pages;

[EnableRateLimiting(SearchEndpoints.ConcurrencyPolicy)]
public sealed class SearchModel(ReportedSearch search) : PageModel
{
    public SearchResults Results { get; private set; } = SearchResults.Empty;

    /// <param name="exact">Set by "Search instead for": the words as typed, with no spelling correction.</param>
    public async Task OnGetAsync(string? q, bool exact, CancellationToken cancellationToken) =>
        Results = await search.SearchAsync(HttpContext, q, exact, cancellationToken);
}
