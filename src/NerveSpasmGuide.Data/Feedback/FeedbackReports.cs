using Microsoft.EntityFrameworkCore;

namespace NerveSpasmGuide.Data.Feedback;

public sealed record FeedbackComment(long Id, bool Helpful, string Comment, DateTime ReceivedAtUtc, bool Hidden);

/// <summary>One article's answers: the counts of every vote, and its most recent comments (hidden ones included, marked).</summary>
public sealed record ArticleFeedback(string ArticleSlug, int Helpful, int NotHelpful, IReadOnlyList<FeedbackComment> RecentComments)
{
    public int Votes => Helpful + NotHelpful;

    /// <summary>The share of votes that said "Yes", from 0 to 1.</summary>
    public double HelpfulShare => Votes == 0 ? 0 : (double)Helpful / Votes;
}

/// <summary>One stored answer, as the CSV export writes it.</summary>
public sealed record FeedbackRow(long Id, string ArticleSlug, bool Helpful, string? Comment, DateTime ReceivedAtUtc, bool Hidden);

/// <summary>A row of the search report, as the dashboard and its CSV export show it.</summary>
/// <param name="Language">The search it was typed into: <c>en</c> or <c>es</c>.</param>
public sealed record SearchReportRow(string Language, string Query, SearchOutcome Outcome, int Count, DateOnly FirstSeen, DateOnly LastSeen);

/// <summary>Reads of the feedback store for the editor dashboard, its CSV export and the health check.</summary>
public sealed class FeedbackReports(IDbContextFactory<FeedbackDbContext> contexts)
{
    public const int RecentCommentsPerArticle = 5;

    /// <summary>Every article with at least one vote, the most voted first.</summary>
    public async Task<IReadOnlyList<ArticleFeedback>> PerArticleAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.Feedback.AsNoTracking()
            .GroupBy(f => f.ArticleSlug)
            .Select(g => new { Slug = g.Key, Yes = g.Count(f => f.Helpful), No = g.Count(f => !f.Helpful) })
            .ToListAsync(cancellationToken);

        // Recent comments for each article: a window over the comments, newest first.
        var comments = await db.Feedback.AsNoTracking()
            .Where(f => f.Comment != null)
            .Where(f => db.Feedback.Count(o => o.ArticleSlug == f.ArticleSlug && o.Comment != null && o.Id > f.Id) < RecentCommentsPerArticle)
            .OrderByDescending(f => f.Id)
            .Select(f => new { f.ArticleSlug, Comment = new FeedbackComment(f.Id, f.Helpful, f.Comment!, f.ReceivedAtUtc, f.Hidden) })
            .ToListAsync(cancellationToken);
        var byArticle = comments.ToLookup(c => c.ArticleSlug, c => c.Comment, StringComparer.Ordinal);

        return [.. counts
            .Select(c => new ArticleFeedback(c.Slug, c.Yes, c.No, [.. byArticle[c.Slug]]))
            .OrderByDescending(a => a.Votes).ThenBy(a => a.ArticleSlug, StringComparer.Ordinal)];
    }

    /// <summary>Every answer, oldest first, for the CSV export.</summary>
    public async Task<IReadOnlyList<FeedbackRow>> AllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Feedback.AsNoTracking()
            .OrderBy(f => f.Id)
            .Select(f => new FeedbackRow(f.Id, f.ArticleSlug, f.Helpful, f.Comment, f.ReceivedAtUtc, f.Hidden))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The search report, the most searched first, then the most recently seen, then by query.</summary>
    public async Task<IReadOnlyList<SearchReportRow>> SearchesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SearchReports.AsNoTracking()
            .OrderByDescending(s => s.Count).ThenByDescending(s => s.LastSeen).ThenBy(s => s.Query)
            .Select(s => new SearchReportRow(s.Language, s.Query, s.Outcome, s.Count, s.FirstSeen, s.LastSeen))
            .ToListAsync(cancellationToken);
    }

    /// <summary>For the health check: the store answers, how many answers and search-report rows it holds, and its newest migration.</summary>
    public async Task<(int Answers, int SearchReports, string? Migration)> StatusAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var answers = await db.Feedback.CountAsync(cancellationToken);
        var searches = await db.SearchReports.CountAsync(cancellationToken);
        var migration = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault();
        return (answers, searches, migration);
    }
}
