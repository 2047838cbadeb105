using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Data.Queries;

namespace NerveSpasmGuide.Web.Pages;

public sealed class IndexModel(ArticleQueries queries) : PageModel
{
    public HomeOverview Overview { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Overview = await queries.HomeAsync(cancellationToken);
}
