using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Data.Editorial;
using NerveSpasmGuide.Web.Editing;

namespace NerveSpasmGuide.Web.Pages.Editor;

/// <summary>Every article's clinical review status and owner, and the reviews due by month and owner.</summary>
public sealed class ReviewsModel(EditorialQueries queries, ArticleOwners owners) : PageModel
{
    public ReviewsOverview Overview { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Overview = await queries.ReviewsOverviewAsync(cancellationToken);

    public async Task<IActionResult> OnPostOwnerAsync(string slug, string? ownerId, CancellationToken cancellationToken) =>
        await owners.SetAsync(User, slug, ownerId, cancellationToken) switch
        {
            OwnerResult.Set => LocalRedirect($"/editor/reviews#review-{slug}"),
            OwnerResult.NoSuchArticle => NotFound(),
            _ => BadRequest("There is no editor account with that id."),
        };
}
