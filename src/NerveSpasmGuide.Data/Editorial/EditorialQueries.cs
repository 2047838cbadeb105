using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Data.Store;

namespace NerveSpasmGuide.Data.Editorial;

public enum ReviewStatus
{
    /// <summary>Nobody has signed off any version of the file.</summary>
    NotSignedOff,

    /// <summary>The latest sign-off is for the text published now: the page shows it.</summary>
    Current,

    /// <summary>The file changed after its latest sign-off: the page no longer shows it.</summary>
    OutOfDate,
}

/// <summary>One article on the reviews page.</summary>
/// <param name="TextHash">The file text's fingerprint; worked out for one article's preview and for articles someone signed off, else null.</param>
public sealed record ArticleReview(
    ArticleKind Kind, string Slug, string Title, bool IsDraft, DateOnly LastReviewed, DateOnly NextReview,
    string? TextHash, ReviewStatus Status, ReviewStamp? LatestSignOff, string? OwnerId, string? OwnerName)
{
    public string Url => Kind.UrlPath(Slug);
}

/// <summary>Reviews falling due in one month under one owner (or nobody).</summary>
public sealed record ReviewsDue(DateOnly Month, string? OwnerName, IReadOnlyList<ArticleReview> Articles);

public sealed record EditorSummary(string Id, string Email, string DisplayName, string Credentials, IReadOnlyList<string> Roles, DateTimeOffset? LockedOutUntil);

/// <summary>The reviews page, accounts and the audit log: the content store's articles joined with the editorial store.</summary>
public sealed record ReviewsOverview(IReadOnlyList<ArticleReview> Articles, IReadOnlyList<ReviewsDue> Due, IReadOnlyList<EditorSummary> Accounts);

/// <summary>An editor's preview of one article with its review status.</summary>
public sealed record ArticlePreview(ArticlePage Page, ArticleReview Review);

public sealed class EditorialQueries(
    GuideDbContext db, ArticleQueries articles, IDbContextFactory<EditorialDbContext> editorial, EditorialStore store, TimeProvider clock)
{
    public const int AuditShown = 200;

    public async Task<ReviewsOverview> ReviewsOverviewAsync(CancellationToken cancellationToken)
    {
        var reviews = await ReviewsAsync(null, cancellationToken);
        return new ReviewsOverview(reviews, DueByMonthAndOwner(reviews.Where(r => !r.IsDraft)), await AccountsAsync(cancellationToken));
    }

    /// <summary>Null when there is no such article, drafts included.</summary>
    public async Task<ArticlePreview?> PreviewAsync(ArticleKind kind, string slug, CancellationToken cancellationToken) =>
        await articles.FindAsync(kind, slug, includeDrafts: true, cancellationToken) is ArticleLookup.Found found &&
        (await ReviewsAsync(found.Page.Card.Slug, cancellationToken)) is [var review]
            ? new ArticlePreview(found.Page, review)
            : null;

    /// <summary>Every article's review status and owner, by title.</summary>
    public Task<IReadOnlyList<ArticleReview>> ReviewsAsync(CancellationToken cancellationToken) => ReviewsAsync(null, cancellationToken);

    private async Task<IReadOnlyList<ArticleReview>> ReviewsAsync(string? slug, CancellationToken cancellationToken)
    {
        var rows = await db.Articles.AsNoTracking()
            .Where(a => slug == null || a.Slug == slug)
            .OrderBy(a => a.Title)
            .Select(a => new { a.Kind, a.Slug, a.Title, a.IsDraft, a.LastReviewed, a.NextReview })
            .ToListAsync(cancellationToken);

        // File texts are the bulk of the store: read only those a status depends on (or the one previewed), not every page's.
        var hashed = rows.Where(a => slug is not null || store.LatestSignOff(a.Slug) is not null).Select(a => a.Slug).ToList();
        var hashes = (await db.Articles.AsNoTracking().Where(a => hashed.Contains(a.Slug)).Select(a => new { a.Slug, a.FileText }).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Slug, a => ReviewedText.Hash(a.FileText), StringComparer.Ordinal);
        await using var editorialDb = await editorial.CreateDbContextAsync(cancellationToken);
        var owners = await editorialDb.Owners.AsNoTracking()
            .Join(editorialDb.Users, o => o.OwnerId, u => u.Id, (o, u) => new { o.ArticleSlug, o.OwnerId, u.DisplayName })
            .ToDictionaryAsync(o => o.ArticleSlug, StringComparer.Ordinal, cancellationToken);
        return [.. rows.Select(a =>
        {
            var hash = hashes.GetValueOrDefault(a.Slug);
            var stamp = store.LatestSignOff(a.Slug);
            var status = stamp is null ? ReviewStatus.NotSignedOff : stamp.TextHash == hash ? ReviewStatus.Current : ReviewStatus.OutOfDate;
            var owner = owners.GetValueOrDefault(a.Slug);
            return new ArticleReview(KindOf(a.Kind), a.Slug, a.Title, a.IsDraft, a.LastReviewed, a.NextReview, hash, status, stamp, owner?.OwnerId, owner?.DisplayName);
        })];
    }

    /// <summary>Every published article's next review, by month (overdue ones first), then owner.</summary>
    private static IReadOnlyList<ReviewsDue> DueByMonthAndOwner(IEnumerable<ArticleReview> reviews) =>
        [.. reviews
            .GroupBy(r => (Month: new DateOnly(r.NextReview.Year, r.NextReview.Month, 1), r.OwnerName))
            .OrderBy(g => g.Key.Month).ThenBy(g => g.Key.OwnerName is null).ThenBy(g => g.Key.OwnerName, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ReviewsDue(g.Key.Month, g.Key.OwnerName, [.. g.OrderBy(r => r.NextReview).ThenBy(r => r.Title, StringComparer.OrdinalIgnoreCase)]))];

    /// <summary>The kind and current text's hash of one article, for a sign-off (null when there is no such article).</summary>
    public async Task<(ArticleKind Kind, string TextHash)?> CurrentTextAsync(string slug, CancellationToken cancellationToken)
    {
        var row = await db.Articles.AsNoTracking().Where(a => a.Slug == slug).Select(a => new { a.Kind, a.FileText }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (KindOf(row.Kind), ReviewedText.Hash(row.FileText));
    }

    private static ArticleKind KindOf(string folder) =>
        ArticleKinds.TryParseFolder(folder, out var kind) ? kind : throw new InvalidDataException($"the store holds an unknown kind '{folder}'");

    public async Task<IReadOnlyList<EditorSummary>> AccountsAsync(CancellationToken cancellationToken)
    {
        await using var editorialDb = await editorial.CreateDbContextAsync(cancellationToken);
        var accounts = await editorialDb.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.Credentials, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var roles = await editorialDb.UserRoles.AsNoTracking()
            .Join(editorialDb.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. accounts.Select(a => new EditorSummary(a.Id, a.Email ?? "", a.DisplayName, a.Credentials,
            [.. roles.Where(r => r.UserId == a.Id).Select(r => r.Name ?? "").Order(StringComparer.Ordinal)],
            a.LockoutEnd is { } end && end > now ? end : null))];
    }

    public async Task<IReadOnlyList<AuditEntry>> RecentAuditAsync(CancellationToken cancellationToken)
    {
        await using var editorialDb = await editorial.CreateDbContextAsync(cancellationToken);
        return await editorialDb.Audit.AsNoTracking().OrderByDescending(a => a.Id).Take(AuditShown).ToListAsync(cancellationToken);
    }

    /// <summary>True once any account exists: from then on the shared editor token no longer signs anyone in.</summary>
    public static async Task<bool> AnyAccountAsync(IDbContextFactory<EditorialDbContext> editorial, CancellationToken cancellationToken)
    {
        await using var editorialDb = await editorial.CreateDbContextAsync(cancellationToken);
        return await editorialDb.Users.AnyAsync(cancellationToken);
    }
}
