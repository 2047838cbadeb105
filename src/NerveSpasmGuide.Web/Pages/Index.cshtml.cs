using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Data.Queries;

namespace NerveSpasmGuide.Web.Pages;

public sealed class IndexModel(ArticleQueries queries) : PageModel
{
    public HomeOverview Overview { get; private set; } = new([], []);

    public void OnGet() => Overview = queries.Home();
}
