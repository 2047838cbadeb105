using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Data.Durable;

namespace NerveSpasmGuide.Data.Editorial;

/// <summary>The latest sign-off of one article, as the page prints it.</summary>
public sealed record ReviewStamp(string TextHash, string ReviewerName, string ReviewerCredentials, DateOnly SignedOn)
{
    /// <summary>"Dr Ana Ruiz, MD, neurologist": the name, then the credentials when there are any.</summary>
    public string Reviewer => string.IsNullOrWhiteSpace(ReviewerCredentials) ? ReviewerName : $"{ReviewerName}, {ReviewerCredentials}";
}

/// <summary>
/// Writes to the editorial store (sign-offs, owners, the audit log), one at a time, and keeps every article's latest
/// sign-off in memory: the article page reads it on each render, and only this process writes sign-offs.
/// </summary>
public sealed class EditorialStore(IDbContextFactory<EditorialDbContext> contexts, TimeProvider clock) : IDisposable
{
    private readonly OneWriter<EditorialDbContext> writer = new(contexts);
    private IReadOnlyDictionary<string, ReviewStamp> latest = new Dictionary<string, ReviewStamp>();

    /// <summary>The article's latest sign-off, whatever text it was for (the caller compares hashes), or null.</summary>
    public ReviewStamp? LatestSignOff(string slug) => Volatile.Read(ref latest).GetValueOrDefault(slug);

    /// <summary>Reads the latest sign-off of every article; run at start-up, after the store is migrated.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.SignOffs.AsNoTracking()
            .OrderBy(s => s.SignedOffAtUtc).ThenBy(s => s.Id)
            .Select(s => new { s.ArticleSlug, s.TextHash, s.ReviewerName, s.ReviewerCredentials, s.SignedOffAtUtc })
            .ToListAsync(cancellationToken);
        var stamps = new Dictionary<string, ReviewStamp>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            stamps[row.ArticleSlug] = new ReviewStamp(row.TextHash, row.ReviewerName, row.ReviewerCredentials, DateOnly.FromDateTime(row.SignedOffAtUtc));
        }

        Volatile.Write(ref latest, stamps);
    }

    /// <summary>Records a reviewer's sign-off of the text with <paramref name="textHash"/>, with its audit line, in one transaction.</summary>
    public async Task<ReviewStamp> SignOffAsync(string slug, string textHash, EditorAccount reviewer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stamp = new ReviewStamp(textHash, reviewer.DisplayName, reviewer.Credentials, DateOnly.FromDateTime(now));
        await WriteAsync(async db =>
        {
            db.SignOffs.Add(new ReviewSignOff
            {
                ArticleSlug = slug,
                TextHash = textHash,
                ReviewerId = reviewer.Id,
                ReviewerName = reviewer.DisplayName,
                ReviewerCredentials = reviewer.Credentials,
                SignedOffAtUtc = now,
            });
            db.Audit.Add(Entry(reviewer.Email ?? reviewer.Id, AuditAction.SignedOff, slug, $"text {textHash[..12]}"));
            await db.SaveChangesAsync(cancellationToken);
            var updated = new Dictionary<string, ReviewStamp>(Volatile.Read(ref latest), StringComparer.Ordinal) { [slug] = stamp };
            Volatile.Write(ref latest, updated);
        }, cancellationToken);
        return stamp;
    }

    /// <summary>Sets (or, with null, clears) who owns an article.</summary>
    public Task SetOwnerAsync(string slug, EditorAccount? owner, string actor, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            var row = await db.Owners.AsTracking().SingleOrDefaultAsync(o => o.ArticleSlug == slug, cancellationToken);
            if (owner is null)
            {
                if (row is not null)
                {
                    db.Owners.Remove(row);
                }
            }
            else if (row is null)
            {
                db.Owners.Add(new ArticleOwner { ArticleSlug = slug, OwnerId = owner.Id });
            }
            else
            {
                row.OwnerId = owner.Id;
            }

            db.Audit.Add(Entry(actor, AuditAction.OwnerSet, slug, owner is null ? "no owner" : $"owner {owner.Email}"));
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    public Task AuditAsync(string actor, AuditAction action, string subject, string detail, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            db.Audit.Add(Entry(actor, action, subject, detail));
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    public void Dispose() => writer.Dispose();

    private AuditEntry Entry(string actor, AuditAction action, string subject, string detail) => new()
    {
        AtUtc = clock.GetUtcNow().UtcDateTime,
        Actor = Bound(actor, 256),
        Action = action,
        Subject = Bound(subject, 256),
        Detail = Bound(detail, 500),
    };

    private static string Bound(string text, int length) => text.Length <= length ? text : text[..length];

    private Task WriteAsync(Func<EditorialDbContext, Task> write, CancellationToken cancellationToken) => writer.WriteAsync(write, cancellationToken);
}
