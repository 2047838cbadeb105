using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Data.Search;
using NerveSpasmGuide.Data.Store;

namespace NerveSpasmGuide.Data.Linking;

public sealed record PublishedArticle(
    ArticleCard Card,
    DateOnly LastReviewed,
    DateOnly NextReview,
    IReadOnlyList<string> Icd10,
    IReadOnlyList<NumberedSource> Sources,
    IReadOnlyList<string> RelatedUrls);

/// <summary>Every published article with what other systems need: sitemap, feed, JSON API and JSON-LD. Drafts never appear.</summary>
public sealed class PublicationQueries(GuideDbContext db, ArticleDirectory directory)
{
    public async Task<IReadOnlyList<PublishedArticle>> AllAsync(CancellationToken cancellationToken) =>
        await QueryAsync(db.Articles.Where(a => !a.IsDraft), cancellationToken);

    public async Task<PublishedArticle?> OneAsync(string slug, CancellationToken cancellationToken) =>
        (await QueryAsync(db.Articles.Where(a => !a.IsDraft && a.Slug == slug), cancellationToken)).SingleOrDefault();

    /// <summary>Whether a published article lives at /{kind}/{slug} (for QR codes and redirects).</summary>
    public async Task<bool> ExistsAsync(ArticleKind kind, string slug, CancellationToken cancellationToken) =>
        (await directory.GetAsync(db, cancellationToken)).BySlug.TryGetValue(slug, out var card) && card.Kind == kind;

    private static async Task<IReadOnlyList<PublishedArticle>> QueryAsync(IQueryable<ArticleRecord> articles, CancellationToken cancellationToken)
    {
        var rows = await articles.AsNoTracking()
            .OrderBy(a => a.Kind).ThenBy(a => a.Slug)
            .Select(a => new
            {
                a.Kind, a.Slug, a.Title, a.Summary, a.AlsoCalled, a.LastReviewed, a.NextReview,
                Codes = a.Codes.OrderBy(c => c.Display).Select(c => c.Display).ToList(),
                Sources = a.Citations.OrderBy(c => c.Number).Select(c => new NumberedSource(c.Number, c.SourceKey, c.Source!.Authors,
                    c.Source.Title, c.Source.Container, c.Source.Year, c.Source.Volume, c.Source.Pages, c.Source.Doi, c.Source.Url)).ToList(),
                Related = a.OutgoingLinks.Where(l => l.Type == nameof(LinkType.Related) && !l.To!.IsDraft)
                    .OrderBy(l => l.To!.Slug).Select(l => "/" + l.To!.Kind + "/" + l.To.Slug).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PublishedArticle(ArticleQueries.Card(r.Kind, r.Slug, r.Title, r.Summary, r.AlsoCalled),
            r.LastReviewed, r.NextReview, r.Codes, r.Sources, [.. r.Related.Distinct()]))];
    }
}
