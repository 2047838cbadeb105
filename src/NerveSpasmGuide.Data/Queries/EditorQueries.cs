using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Data.Store;

namespace NerveSpasmGuide.Data.Queries;

public sealed record ArticleStatistics(
    ArticleCard Card,
    string SourcePath,
    bool IsDraft,
    double ReadingGrade,
    int WordCount,
    int Citations,
    int InboundLinks,
    int OutboundLinks,
    DateOnly LastReviewed,
    DateOnly NextReview);

public sealed record SourceUsage(string Key, string Title, int Citations, int Articles);

public sealed record EditorOverview(IReadOnlyList<ArticleStatistics> Articles, IReadOnlyList<SourceUsage> Sources);

/// <summary>Figures for the editor dashboard: every article (drafts included) and how sources are used.</summary>
public sealed class EditorQueries(GuideDbContext db)
{
    public async Task<EditorOverview> OverviewAsync(CancellationToken cancellationToken)
    {
        var articles = await db.Articles.AsNoTracking()
            .OrderBy(a => a.Kind).ThenBy(a => a.Title)
            .Select(a => new
            {
                a.Kind, a.Slug, a.Title, a.Summary, a.SourcePath, a.IsDraft, a.ReadingGrade, a.WordCount, a.LastReviewed, a.NextReview,
                Citations = a.Citations.Count,
                Inbound = a.IncomingLinks.Where(l => l.FromArticleId != a.Id && !l.From!.IsDraft).Select(l => l.FromArticleId).Distinct().Count(),
                Outbound = a.OutgoingLinks.Where(l => l.ToArticleId != a.Id).Select(l => l.ToArticleId).Distinct().Count(),
            })
            .ToListAsync(cancellationToken);

        var sources = await db.Sources.AsNoTracking()
            .Select(s => new SourceUsage(s.Key, s.Title, s.Citations.Count, s.Citations.Select(c => c.ArticleId).Distinct().Count()))
            .ToListAsync(cancellationToken);

        return new EditorOverview(
            [.. articles.Select(a => new ArticleStatistics(ArticleQueries.Card(a.Kind, a.Slug, a.Title, a.Summary), a.SourcePath, a.IsDraft,
                a.ReadingGrade, a.WordCount, a.Citations, a.Inbound, a.Outbound, a.LastReviewed, a.NextReview))],
            [.. sources.OrderByDescending(s => s.Citations).ThenBy(s => s.Key, StringComparer.Ordinal)]);
    }
}
