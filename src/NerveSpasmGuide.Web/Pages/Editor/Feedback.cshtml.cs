using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Data.Editorial;
using NerveSpasmGuide.Data.Feedback;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Web.Editing;
using NerveSpasmGuide.Web.Feedback;

namespace NerveSpasmGuide.Web.Pages.Editor;

/// <summary>Readers' answers per article, their recent comments with hide, show and delete, and the CSV export.</summary>
public sealed class FeedbackModel(FeedbackReports reports, FeedbackStore store, EditorialStore editorial, RequestSite site) : PageModel
{
    public IReadOnlyList<ArticleFeedback> Articles { get; private set; } = [];

    /// <summary>The article's card, or null when its slug is no longer published (renamed, retired or a draft again).</summary>
    public ArticleCard? Card(string slug) => site.Directory.BySlug.GetValueOrDefault(slug);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Articles = await reports.PerArticleAsync(cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var csv = FeedbackCsv.Write(await reports.AllAsync(cancellationToken));
        Response.Headers.CacheControl = "no-store";
        return File(csv, "text/csv; charset=utf-8", "feedback.csv");
    }

    public Task<IActionResult> OnPostHideAsync(long id, CancellationToken cancellationToken) => ModerateAsync(id, ModerationAction.Hide, cancellationToken);

    public Task<IActionResult> OnPostShowAsync(long id, CancellationToken cancellationToken) => ModerateAsync(id, ModerationAction.Show, cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken) => ModerateAsync(id, ModerationAction.DeleteComment, cancellationToken);

    private async Task<IActionResult> ModerateAsync(long id, ModerationAction action, CancellationToken cancellationToken)
    {
        if (!await store.ModerateAsync(id, action, EditorAccess.Who(User), cancellationToken))
        {
            return NotFound();
        }

        // The feedback store keeps its own moderation record beside the answer; the editorial log has every editor's actions in one place.
        await editorial.AuditAsync(EditorAccess.Who(User), AuditAction.FeedbackModerated, $"feedback {id}", action.ToString(), cancellationToken);
        return LocalRedirect($"/editor/feedback#feedback-{id}");
    }
}
