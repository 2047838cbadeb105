using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Data.Store;

namespace NerveSpasmGuide.Data.Queries;

public sealed record ArticleStatistics(
    ArticleCard Card,
    string SourcePath,
    bool IsDraft,
    double ReadingGrade,
    double SmogGrade,
    int WordCount,
    int Citations,
    int InboundLinks,
    int OutboundLinks,
    DateOnly LastReviewed,
    DateOnly NextReview,
    IReadOnlyList<ArticleCode> Codes);

/// <param name="Citations">Every place a page cites the source (a page citing it three times counts three).</param>
/// <param name="Articles">The pages that cite it at least once.</param>
public sealed record SourceUsage(string Key, string Title, int Citations, int Articles);

/// <summary>A row of the warning-sign table and the pages (drafts included) whose care cards show it.</summary>
public sealed record SignUsage(string Id, string Level, string Group, string Text, IReadOnlyList<string> SourceKeys, IReadOnlyList<ArticleCard> ShownOn);

public sealed record EditorOverview(IReadOnlyList<ArticleStatistics> Articles, IReadOnlyList<SourceUsage> Sources, IReadOnlyList<SignUsage> WarningSigns);

/// <summary>Figures for the editor dashboard: every article (drafts included) and how sources are used.</summary>
public sealed class EditorQueries(GuideDbContext db)
{
    public async Task<EditorOverview> OverviewAsync(CancellationToken cancellationToken)
    {
        var articles = await db.Articles.AsNoTracking()
            .OrderBy(a => a.Kind).ThenBy(a => a.Title)
            .Select(a => new
            {
                a.Kind, a.Slug, a.Title, a.Summary, a.SourcePath, a.IsDraft, a.ReadingGrade, a.SmogGrade, a.WordCount, a.LastReviewed, a.NextReview,
                Citations = a.Citations.Count,
                Inbound = a.IncomingLinks.Where(l => l.FromArticleId != a.Id && !l.From!.IsDraft).Select(l => l.FromArticleId).Distinct().Count(),
                Outbound = a.OutgoingLinks.Where(l => l.ToArticleId != a.Id).Select(l => l.ToArticleId).Distinct().Count(),
                Codes = a.Codes.Select(c => new { c.System, c.Display }).ToList(),
            })
            .ToListAsync(cancellationToken);

        var sources = await db.Sources.AsNoTracking()
            .Select(s => new SourceUsage(s.Key, s.Title, s.Citations.Sum(c => c.Uses), s.Citations.Select(c => c.ArticleId).Distinct().Count()))
            .ToListAsync(cancellationToken);

        var signs = await db.WarningSigns.AsNoTracking()
            .OrderBy(s => s.Position)
            .Select(s => new
            {
                s.Id, s.Level, s.GroupName, s.Text, s.SourceKeys,
                ShownOn = s.ShownOn.OrderBy(a => a.Article!.Kind).ThenBy(a => a.Article!.Title)
                    .Select(a => new { a.Article!.Kind, a.Article.Slug, a.Article.Title, a.Article.Summary }).ToList(),
            })
            .ToListAsync(cancellationToken);

        return new EditorOverview(
            [.. articles.Select(a => new ArticleStatistics(ArticleQueries.Card(a.Kind, a.Slug, a.Title, a.Summary), a.SourcePath, a.IsDraft,
                a.ReadingGrade, a.SmogGrade, a.WordCount, a.Citations, a.Inbound, a.Outbound, a.LastReviewed, a.NextReview,
                ArticleCode.FromRows(a.Codes.Select(c => (c.System, c.Display)))))],
            [.. sources.OrderByDescending(s => s.Citations).ThenBy(s => s.Key, StringComparer.Ordinal)],
            [.. signs.Select(s => new SignUsage(s.Id, s.Level, s.GroupName, s.Text, s.SourceKeys,
                [.. s.ShownOn.Select(a => ArticleQueries.Card(a.Kind, a.Slug, a.Title, a.Summary))]))]);
    }
}
