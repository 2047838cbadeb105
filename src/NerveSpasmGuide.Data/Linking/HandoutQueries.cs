using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Loading;
using NerveSpasmGuide.Content.Safety;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Store;

namespace NerveSpasmGuide.Data.Linking;

/// <param name="Signs">The page's own warning signs, in the table's order, for the short version.</param>
public sealed record HandoutArticle(ArticleCard Card, DateOnly LastReviewed, string Html, IReadOnlyList<WarningSign> Signs);

/// <param name="EmergencySigns">The emergency signs printed on the cover.</param>
public sealed record Handout(IReadOnlyList<HandoutArticle> Articles, IReadOnlyList<NumberedSource> Sources, IReadOnlyList<WarningSign> EmergencySigns);

/// <summary>A printable bundle of articles with one merged sources list, numbered across the whole bundle.</summary>
public sealed class HandoutQueries(GuideDbContext db, RequestSite site)
{
    public const int MaxArticles = 10;

    /// <summary>Reads <c>a=x,y</c> and repeated <c>a=x&amp;a=y</c> alike: trimmed, lower case, duplicates dropped, order kept.</summary>
    public static IReadOnlyList<string> ParseSlugs(IEnumerable<string?> values) =>
        [.. values
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(s => s.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Why a handout cannot hold these slugs (none, or too many), or null when their number is right.</summary>
    public static string? CountProblem(IReadOnlyList<string> slugs) => slugs.Count switch
    {
        0 => "Choose at least one article for the handout.",
        > MaxArticles => $"A handout can hold at most {MaxArticles} articles; this link names {slugs.Count}.",
        _ => null,
    };

    /// <summary>The pages of a handout with their review dates, without rendering them (for the note for the record).</summary>
    public async Task<(IReadOnlyList<(ArticleCard Card, DateOnly LastReviewed)>? Pages, IReadOnlyList<string> Unknown)> ListAsync(
        IReadOnlyList<string> slugs, bool spanish, CancellationToken cancellationToken)
    {
        var unknown = UnknownSlugs(slugs, spanish);
        if (unknown.Count > 0)
        {
            return (null, unknown);
        }

        var reviewed = await db.Articles.AsNoTracking()
            .Where(a => slugs.Contains(a.Slug) && !a.IsDraft)
            .Select(a => new { a.Slug, a.LastReviewed })
            .ToDictionaryAsync(a => a.Slug, a => a.LastReviewed, StringComparer.Ordinal, cancellationToken);
        var cards = Cards(spanish);
        return ([.. slugs.Select(slug => (cards[slug], reviewed[slug]))], []);
    }

    /// <summary>The slugs that are not published articles, or for a Spanish handout, not published in Spanish (cheap: no rendering).</summary>
    public IReadOnlyList<string> UnknownSlugs(IReadOnlyList<string> slugs, bool spanish = false)
    {
        var published = Cards(spanish);
        return [.. slugs.Where(slug => !published.ContainsKey(slug))];
    }

    /// <summary>The pages the handout builder offers, by kind: the published pages, or those published in Spanish.</summary>
    public IReadOnlyList<LinkGroup> ChoicesByKind(bool spanish) => spanish ? site.Directory.Spanish.ByKind : site.Directory.ByKind;

    /// <summary>The English pages' cards, by slug: a Spanish handout's note for the record names each page's English title.</summary>
    public IReadOnlyDictionary<string, ArticleCard> EnglishCards => site.Directory.BySlug;

    private IReadOnlyDictionary<string, ArticleCard> Cards(bool spanish) => spanish ? site.Directory.Spanish.BySlug : site.Directory.BySlug;

    /// <summary>Returns the slugs that are not published articles, or the rendered handout when all are.</summary>
    /// <param name="spanish">The Spanish pages, care cards and emergency signs, with links to Spanish pages.</param>
    public async Task<(Handout? Handout, IReadOnlyList<string> Unknown)> BuildAsync(IReadOnlyList<string> slugs, bool spanish, CancellationToken cancellationToken)
    {
        var unknown = UnknownSlugs(slugs, spanish);
        if (unknown.Count > 0)
        {
            return (null, unknown);
        }

        var reviewed = await db.Articles.AsNoTracking()
            .Where(a => slugs.Contains(a.Slug) && !a.IsDraft)
            .Select(a => new { a.Slug, a.LastReviewed })
            .ToDictionaryAsync(a => a.Slug, a => a.LastReviewed, StringComparer.Ordinal, cancellationToken);
        var bodies = spanish
            ? await db.SpanishArticles.AsNoTracking().Where(a => slugs.Contains(a.Slug))
                .Select(a => new { a.Slug, a.BodyMarkdown })
                .ToDictionaryAsync(a => a.Slug, a => a.BodyMarkdown, StringComparer.Ordinal, cancellationToken)
            : (await db.Articles.AsNoTracking().Where(a => slugs.Contains(a.Slug) && !a.IsDraft)
                .Select(a => new { a.Slug, a.FileText })
                .ToListAsync(cancellationToken))
                .ToDictionary(a => a.Slug, a => ArticleFileParser.BodyOf(a.FileText), StringComparer.Ordinal);
        var sourceKeys = (await db.Sources.AsNoTracking().Select(s => s.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var published = site.Directory;
        var (cards, links, signs) = spanish
            ? (published.Spanish.BySlug, published.Spanish.Links, published.Spanish.WarningSigns)
            : (published.BySlug, published.Links, published.WarningSigns);
        var rendered = BundleRenderer.Render(
            [.. slugs.Select(slug => (slug, bodies[slug]))], links, sourceKeys, signs,
            spanish ? new SpanishBundle(published.Spanish.EnglishOnly, published.Spanish.Pictures) : null);

        var sources = await db.Sources.AsNoTracking()
            .Where(s => rendered.SourceKeys.Contains(s.Key))
            .ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, cancellationToken);
        var numbered = rendered.SourceKeys.Select((key, i) => new NumberedSource(i + 1, sources[key].ToSource())).ToList();

        var signIds = (await db.ArticleSigns.AsNoTracking()
                .Where(s => slugs.Contains(s.Article!.Slug))
                .Select(s => new { s.Article!.Slug, s.SignId })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.Slug, s => s.SignId, StringComparer.Ordinal);
        var articles = slugs.Select((slug, i) => new HandoutArticle(cards[slug], reviewed[slug], rendered.Html[i],
            [.. signs.Signs.Where(sign => signIds[slug].Contains(sign.Id, StringComparer.Ordinal))])).ToList();
        return (new Handout(articles, numbered, signs.HomeSigns), []);
    }
}
