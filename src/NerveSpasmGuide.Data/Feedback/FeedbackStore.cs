using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Data.Durable;

namespace NerveSpasmGuide.Data.Feedback;

/// <summary>A reader's answer, already checked: a published article's slug and a normalized comment.</summary>
public sealed record FeedbackAnswer(string ArticleSlug, bool Helpful, string? Comment);

/// <summary>
/// Writes to the feedback store: readers' answers and editors' moderation. Writes go one at a time (one process owns
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

    public void Dispose() => writer.Dispose();

    private Task WriteAsync(Func<FeedbackDbContext, Task> write, CancellationToken cancellationToken) => writer.WriteAsync(write, cancellationToken);
}
