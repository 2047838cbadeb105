using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Safety;
using NerveSpasmGuide.Content.Translations;
using NerveSpasmGuide.Data.Editorial;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Store;

namespace NerveSpasmGuide.Data.Queries;

/// <summary>Read-only queries behind the public article pages. Drafts are never returned.</summary>
public sealed class ArticleQueries(GuideDbContext db, RequestSite site, EditorialStore editorial)
{
    /// <param name="kind">The kind named in the URL.</param>
    /// <param name="slug">The slug named in the URL.</param>
    /// <param name="includeDrafts">True only for the editor's preview.</param>
    /// <param name="cancellationToken">Request cancellation.</param>
    public async Task<ArticleLookup> FindAsync(ArticleKind kind, string slug, bool includeDrafts, CancellationToken cancellationToken)
    {
        var folder = kind.Folder();
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Slug == slug && (includeDrafts || !a.IsDraft))
            .Select(a => new
            {
                a.Id, a.Kind, a.Slug, a.Title, a.Summary, a.AlsoCalled, a.BodyHtml, a.TocJson, a.LastReviewed, a.NextReview, a.IsDraft,
                Codes = a.Codes.Select(c => new { c.System, c.Display }).ToList(),
                Changes = a.Changes.OrderBy(c => c.Position).Select(c => new PageChange(c.Date, c.Note)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);

        if (article is null)
        {
            var target = await db.Aliases.AsNoTracking()
                .Where(a => a.Alias == slug && !a.Article!.IsDraft)
                .Select(a => new { a.Article!.Kind, a.Article.Slug })
                .SingleOrDefaultAsync(cancellationToken);
            return target is not null ? new ArticleLookup.Moved($"/{target.Kind}/{target.Slug}") : await FindRetiredAsync(slug, cancellationToken);
        }

        if (article.Kind != folder)
        {
            return new ArticleLookup.Moved($"/{article.Kind}/{article.Slug}");
        }

        var links = await db.Links.AsNoTracking()
            .Where(l => (l.FromArticleId == article.Id || l.ToArticleId == article.Id) && !l.From!.IsDraft && !l.To!.IsDraft)
            .Select(l => new
            {
                Outgoing = l.FromArticleId == article.Id,
                l.Type,
                Other = l.FromArticleId == article.Id ? l.To! : l.From!,
            })
            .Select(l => new { l.Outgoing, l.Type, l.Other.Kind, l.Other.Slug, l.Other.Title, l.Other.Summary })
            .ToListAsync(cancellationToken);

        var sources = await db.Citations.AsNoTracking()
            .Where(c => c.ArticleId == article.Id)
            .OrderBy(c => c.Number)
            .Select(c => new { c.Number, c.Uses, Source = c.Source! })
            .ToListAsync(cancellationToken);

        var signLevels = !kind.AnswersFirst() ? [] : await db.ArticleSigns.AsNoTracking()
            .Where(s => s.ArticleId == article.Id)
            .Select(s => s.Sign!.Level)
            .ToListAsync(cancellationToken);
        var careSteps = CareLevels.All
            .Select(level => new CareStep(level, signLevels.Count(name => name == level.Name)))
            .Where(step => step.SignCount > 0)
            .ToList();

        var related = Group(links.Where(l => l.Outgoing && l.Type == nameof(LinkType.Related) && l.Slug != article.Slug)
            .Select(l => Card(l.Kind, l.Slug, l.Title, l.Summary)));
        // "Pages that link here" lists only what "Related pages" does not, so no link is listed twice.
        var relatedSlugs = related.SelectMany(g => g.Articles).Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        var linkedFrom = Group(links.Where(l => !l.Outgoing && l.Slug != article.Slug && !relatedSlugs.Contains(l.Slug))
            .Select(l => Card(l.Kind, l.Slug, l.Title, l.Summary)));

        var page = new ArticlePage(
            Card(article.Kind, article.Slug, article.Title, article.Summary, article.AlsoCalled),
            article.BodyHtml,
            JsonSerializer.Deserialize<List<TocEntry>>(article.TocJson) ?? [],
            ArticleCode.FromRows(article.Codes.Select(c => (c.System, c.Display))),
            article.LastReviewed,
            article.NextReview,
            related,
            linkedFrom,
            [.. sources.Select(c => new NumberedSource(c.Number, c.Source.ToSource(), c.Uses))],
            careSteps,
            article.Changes,
            article.IsDraft,
            await CurrentReviewAsync(article.Id, article.Slug, cancellationToken),
            await db.SpanishArticles.AsNoTracking().AnyAsync(s => s.Slug == article.Slug && s.Kind == article.Kind, cancellationToken)
                ? SpanishPaths.Article(kind, article.Slug)
                : null);
        return new ArticleLookup.Found(page);
    }

    /// <summary>The latest sign-off, only while the file's text is still the text that was signed off.</summary>
    private async Task<ReviewStamp?> CurrentReviewAsync(int articleId, string slug, CancellationToken cancellationToken)
    {
        if (editorial.LatestSignOff(slug) is not { } stamp)
        {
            return null;
        }

        var text = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => a.FileText).SingleAsync(cancellationToken);
        return string.Equals(ReviewedText.Hash(text), stamp.TextHash, StringComparison.Ordinal) ? stamp : null;
    }

    private async Task<ArticleLookup> FindRetiredAsync(string slug, CancellationToken cancellationToken)
    {
        var retired = await db.Retired.AsNoTracking().Where(r => r.Slug == slug).Select(r => new { r.Reason, r.SuggestedSlug }).SingleOrDefaultAsync(cancellationToken);
        if (retired is null)
        {
            return new ArticleLookup.Missing();
        }

        var suggested = await db.Articles.AsNoTracking()
            .Where(a => a.Slug == retired.SuggestedSlug && !a.IsDraft)
            .Select(a => new { a.Kind, a.Slug, a.Title, a.Summary })
            .SingleOrDefaultAsync(cancellationToken);
        return new ArticleLookup.Gone(retired.Reason, suggested is null ? null : Card(suggested.Kind, suggested.Slug, suggested.Title, suggested.Summary));
    }

    public async Task<IReadOnlyList<ArticleCard>> ListAsync(ArticleKind kind, CancellationToken cancellationToken)
    {
        var folder = kind.Folder();
        var rows = await db.Articles.AsNoTracking()
            .Where(a => a.Kind == folder && !a.IsDraft)
            .OrderBy(a => a.Title)
            .Select(a => new { a.Kind, a.Slug, a.Title, a.Summary, a.AlsoCalled })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => Card(r.Kind, r.Slug, r.Title, r.Summary, r.AlsoCalled))];
    }

    /// <summary>Articles per kind on the home page: all of them on a site this size, a first screenful on a large one.</summary>
    public const int HomeSectionSize = 12;

    /// <summary>Articles named under each source on the sources page; the rest are counted, so the page stays small.</summary>
    public const int CitedByShown = 50;

    public HomeOverview Home()
    {
        var published = site.Directory;
        return new([.. published.ByKind.Select(g => new HomeSection(g.Kind, [.. g.Articles.Take(HomeSectionSize)], g.Articles.Count))],
            published.WarningSigns.HomeSigns);
    }

    /// <summary>The text of a checked picture from content/media, or null when there is none of that name.</summary>
    /// <param name="spanish">Its copy with Spanish labels, from content/es/media.</param>
    public Task<string?> MediaAsync(string name, bool spanish, CancellationToken cancellationToken) => spanish
        ? db.SpanishMedia.AsNoTracking().Where(m => m.Name == name).Select(m => m.Text).FirstOrDefaultAsync(cancellationToken)
        : db.Media.AsNoTracking().Where(m => m.Name == name).Select(m => m.Text).FirstOrDefaultAsync(cancellationToken);

    /// <remarks>
    /// One small query per cited source: at 10,000 articles a single query ranking every citation with a window
    /// function took seconds, while these take milliseconds each. The page is cached per import.
    /// </remarks>
    public async Task<IReadOnlyList<SourceWithCitations>> SourcesAsync(CancellationToken cancellationToken)
    {
        var sources = await db.Sources.AsNoTracking()
            .OrderBy(s => s.Authors)
            .ToListAsync(cancellationToken);
        var counts = await db.Citations.AsNoTracking()
            .Where(c => !c.Article!.IsDraft)
            .GroupBy(c => c.SourceKey)
            .Select(g => new { Key = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);

        var result = new List<SourceWithCitations>(sources.Count);
        foreach (var s in sources)
        {
            var count = counts.GetValueOrDefault(s.Key);
            var citedBy = count == 0 ? [] : await db.Citations.AsNoTracking()
                .Where(c => c.SourceKey == s.Key && !c.Article!.IsDraft)
                .OrderBy(c => c.Article!.Title)
                .Take(CitedByShown)
                .Select(c => new { c.Article!.Kind, c.Article.Slug, c.Article.Title, c.Article.Summary })
                .ToListAsync(cancellationToken);
            result.Add(new SourceWithCitations(
                s.ToSource(),
                [.. citedBy.Select(c => Card(c.Kind, c.Slug, c.Title, c.Summary))],
                count));
        }

        return result;
    }

    internal static ArticleCard Card(string kind, string slug, string title, string summary, IReadOnlyList<string>? alsoCalled = null) =>
        new(ArticleKinds.TryParseFolder(kind, out var parsed) ? parsed : ArticleKind.Guide, slug, title, summary, alsoCalled ?? []);

    internal static List<LinkGroup> Group(IEnumerable<ArticleCard> cards)
    {
        var distinct = cards.DistinctBy(c => c.Slug).ToList();
        return [.. ArticleKinds.All
            .Select(kind => new LinkGroup(kind, [.. distinct.Where(c => c.Kind == kind).OrderBy(c => c.Title, StringComparer.Ordinal)]))
            .Where(g => g.Articles.Count > 0)];
    }
}
