using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Store;

namespace NerveSpasmGuide.Data.Linking;

public sealed record PublishedArticle(
    ArticleCard Card,
    DateOnly LastReviewed,
    DateOnly NextReview,
    IReadOnlyList<ArticleCode> Codes,
    IReadOnlyList<NumberedSource> Sources,
    IReadOnlyList<string> RelatedUrls);

/// <summary>What a sitemap needs of an article.</summary>
public sealed record ListedArticle(ArticleCard Card, DateOnly LastReviewed);

/// <summary>What the feed needs of an article: what a sitemap does, and its page history (newest first) to say what changed.</summary>
public sealed record ReviewedArticle(ArticleCard Card, DateOnly LastReviewed, IReadOnlyList<PageChange> Changes);

/// <summary>One page of the JSON API's article list (pages count from 1).</summary>
public sealed record PublishedPage(IReadOnlyList<PublishedArticle> Articles, int Page, int PageCount);

/// <summary>
/// Published articles with what other systems need: sitemap, feed, JSON API and JSON-LD. Drafts never appear. Lists
/// are bounded or paged, and load only what they print: at 10,000 articles, one unpaged API list was 50 MB.
/// </summary>
public sealed class PublicationQueries(GuideDbContext db, RequestSite site)
{
    public const int ApiPageSize = 100;

    /// <summary>Entries in the Atom feed: the most recently reviewed articles.</summary>
    public const int FeedSize = 50;

    /// <summary>Every published article, by kind and slug (the sitemap).</summary>
    public async Task<IReadOnlyList<ListedArticle>> ListAsync(CancellationToken cancellationToken) =>
        await ListedAsync(db.Articles.Where(a => !a.IsDraft).OrderBy(a => a.Kind).ThenBy(a => a.Slug), cancellationToken);

    public async Task<IReadOnlyList<ReviewedArticle>> RecentlyReviewedAsync(int count, CancellationToken cancellationToken)
    {
        var rows = await db.Articles.AsNoTracking()
            .Where(a => !a.IsDraft).OrderByDescending(a => a.LastReviewed).ThenBy(a => a.Title).Take(count)
            .Select(a => new
            {
                a.Kind, a.Slug, a.Title, a.Summary, a.LastReviewed,
                Changes = a.Changes.OrderBy(c => c.Position).Select(c => new PageChange(c.Date, c.Note)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ReviewedArticle(ArticleQueries.Card(r.Kind, r.Slug, r.Title, r.Summary), r.LastReviewed, r.Changes))];
    }

    /// <returns>Null when <paramref name="page"/> is past the last page.</returns>
    public async Task<PublishedPage?> PageAsync(int page, CancellationToken cancellationToken)
    {
        var published = db.Articles.Where(a => !a.IsDraft);
        var pageCount = Math.Max(1, (await published.CountAsync(cancellationToken) + ApiPageSize - 1) / ApiPageSize);
        if (page > pageCount)
        {
            return null;
        }

        var articles = await QueryAsync(published.OrderBy(a => a.Kind).ThenBy(a => a.Slug).Skip((page - 1) * ApiPageSize).Take(ApiPageSize), cancellationToken);
        return new PublishedPage(articles, page, pageCount);
    }

    public async Task<PublishedArticle?> OneAsync(string slug, CancellationToken cancellationToken) =>
        (await QueryAsync(db.Articles.Where(a => !a.IsDraft && a.Slug == slug), cancellationToken)).SingleOrDefault();

    /// <summary>Whether a published article lives at /{kind}/{slug} (for QR codes and redirects).</summary>
    public bool Exists(ArticleKind kind, string slug) =>
        site.Directory.BySlug.TryGetValue(slug, out var card) && card.Kind == kind;

    private static async Task<IReadOnlyList<ListedArticle>> ListedAsync(IQueryable<ArticleRecord> articles, CancellationToken cancellationToken)
    {
        var rows = await articles.AsNoTracking()
            .Select(a => new { a.Kind, a.Slug, a.Title, a.Summary, a.LastReviewed })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ListedArticle(ArticleQueries.Card(r.Kind, r.Slug, r.Title, r.Summary), r.LastReviewed))];
    }

    /// <param name="articles">Already filtered and ordered; the order is kept.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    private static async Task<IReadOnlyList<PublishedArticle>> QueryAsync(IQueryable<ArticleRecord> articles, CancellationToken cancellationToken)
    {
        var rows = await articles.AsNoTracking()
            .Select(a => new
            {
                a.Kind, a.Slug, a.Title, a.Summary, a.AlsoCalled, a.LastReviewed, a.NextReview,
                Codes = a.Codes.Select(c => new { c.System, c.Display }).ToList(),
                Sources = a.Citations.OrderBy(c => c.Number).Select(c => new { c.Number, Source = c.Source! }).ToList(),
                Related = a.OutgoingLinks.Where(l => l.Type == nameof(LinkType.Related) && !l.To!.IsDraft)
                    .OrderBy(l => l.To!.Slug).Select(l => "/" + l.To!.Kind + "/" + l.To.Slug).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PublishedArticle(ArticleQueries.Card(r.Kind, r.Slug, r.Title, r.Summary, r.AlsoCalled),
            r.LastReviewed, r.NextReview, ArticleCode.FromRows(r.Codes.Select(c => (c.System, c.Display))), [.. r.Sources.Select(c => new NumberedSource(c.Number, c.Source.ToSource()))], [.. r.Related.Distinct()]))];
    }
}
