using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Data.Durable;
using NerveSpasmGuide.Data.Search;

namespace NerveSpasmGuide.Data.Feedback;

/// <summary>A reader's answer, already checked: a published article's slug and a normalized comment.</summary>
public sealed record FeedbackAnswer(string ArticleSlug, bool Helpful, string? Comment);

/// <summary>
/// Writes to the feedback store: readers' answers, editors' moderation and the searches that found nothing. Writes go one at a time (one process owns
/// the store), so a burst of answers queues here instead of failing on SQLite's single writer lock.
/// </summary>
public sealed class FeedbackStore(IDbContextFactory<FeedbackDbContext> contexts, TimeProvider clock) : IDisposable
{
    private readonly OneWriter<FeedbackDbContext> writer = new(contexts);

    public async Task<long> RecordAsync(FeedbackAnswer answer, CancellationToken cancellationToken)
    {
        var record = new FeedbackRecord
        {
            ArticleSlug = answer.ArticleSlug,
            Helpful = answer.Helpful,
            Comment = answer.Comment,
            ReceivedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await WriteAsync(async db =>
        {
            db.Feedback.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return record.Id;
    }

    /// <summary>Hides, shows or erases one comment and records who did it, in one transaction; false when there is no such answer.</summary>
    public async Task<bool> ModerateAsync(long feedbackId, ModerationAction action, string editor, CancellationToken cancellationToken)
    {
        var found = false;
        await WriteAsync(async db =>
        {
            var record = await db.Feedback.AsTracking().SingleOrDefaultAsync(f => f.Id == feedbackId, cancellationToken);
            if (record is null)
            {
                return;
            }

            found = true;
            switch (action)
            {
                case ModerationAction.Hide:
                    record.Hidden = true;
                    break;
                case ModerationAction.Show:
                    record.Hidden = false;
                    break;
                case ModerationAction.DeleteComment:
                    record.Comment = null;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action, "unknown moderation action");
            }

            db.Moderation.Add(new ModerationRecord { FeedbackId = feedbackId, Action = action, Editor = editor, AtUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return found;
    }

    /// <summary>
    /// Adds a batch of searches to the search report in one transaction (a query already there gains the count and
    /// today as its last day), then evicts rows beyond <paramref name="maxRows"/> in <see cref="SearchReportRules.EvictionOrder"/>.
    /// </summary>
    public async Task RecordSearchesAsync(IReadOnlyCollection<(SearchMiss Miss, int Count)> batch, int maxRows, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await WriteAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (miss, count) in batch)
            {
                var outcome = miss.Outcome.ToString();
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO search_reports (Language, Query, Outcome, Count, FirstSeen, LastSeen) VALUES ({miss.Language}, {miss.Query}, {outcome}, {count}, {today}, {today})
                    ON CONFLICT (Language, Query) DO UPDATE SET
                        Count = min(Count + excluded.Count, 2147483647), Outcome = excluded.Outcome, LastSeen = excluded.LastSeen
                    """, cancellationToken);
            }

            await db.Database.ExecuteSqlRawAsync($$"""
                DELETE FROM search_reports WHERE rowid IN (
                    SELECT rowid FROM search_reports ORDER BY {{SearchReportRules.EvictionOrder}}
                    LIMIT max(0, (SELECT count(*) FROM search_reports) - {0}))
                """, [maxRows], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
    }

    public void Dispose() => writer.Dispose();

    private Task WriteAsync(Func<FeedbackDbContext, Task> write, CancellationToken cancellationToken) => writer.WriteAsync(write, cancellationToken);
}
