using NerveSpasmGuide.Data.Editorial;
using NerveSpasmGuide.Data.Feedback;
using NerveSpasmGuide.Data.Queries;

namespace NerveSpasmGuide.Web.Editing;

/// <summary>The dashboard's articles with what the two durable stores say of each: its review and owner, and readers' votes.</summary>
public sealed record DashboardView(
    EditorOverview Overview, IReadOnlyDictionary<string, ArticleReview> Reviews, IReadOnlyDictionary<string, ArticleFeedback> Feedback);

/// <summary>Joins the content store's overview with the editorial and feedback stores, for the dashboard's one call.</summary>
public sealed class EditorDashboard(EditorQueries queries, EditorialQueries editorial, FeedbackReports feedback)
{
    public async Task<DashboardView> ViewAsync(CancellationToken cancellationToken)
    {
        var overview = await queries.OverviewAsync(cancellationToken);
        var reviews = (await editorial.ReviewsAsync(cancellationToken)).ToDictionary(r => r.Slug, StringComparer.Ordinal);
        var votes = (await feedback.PerArticleAsync(cancellationToken)).ToDictionary(f => f.ArticleSlug, StringComparer.Ordinal);
        return new DashboardView(overview, reviews, votes);
    }
}
