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
        IReadOnlyList<string> slugs, CancellationToken cancellationToken)
    {
        var unknown = UnknownSlugs(slugs);
        if (unknown.Count > 0)
        {
            return (null, unknown);
        }

        var reviewed = await db.Articles.AsNoTracking()
            .Where(a => slugs.Contains(a.Slug) && !a.IsDraft)
            .Select(a => new { a.Slug, a.LastReviewed })
            .ToDictionaryAsync(a => a.Slug, a => a.LastReviewed, StringComparer.Ordinal, cancellationToken);
        return ([.. slugs.Select(slug => (site.Directory.BySlug[slug], reviewed[slug]))], []);
    }

    /// <summary>The slugs that are not published articles (cheap: no rendering).</summary>
    public IReadOnlyList<string> UnknownSlugs(IReadOnlyList<string> slugs)
    {
        var published = site.Directory.BySlug;
        return [.. slugs.Where(slug => !published.ContainsKey(slug))];
    }

    /// <summary>Returns the slugs that are not published articles, or the rendered handout when all are.</summary>
    public async Task<(Handout? Handout, IReadOnlyList<string> Unknown)> BuildAsync(IReadOnlyList<string> slugs, CancellationToken cancellationToken)
    {
        var unknown = UnknownSlugs(slugs);
        if (unknown.Count > 0)
        {
            return (null, unknown);
        }

        var rows = await db.Articles.AsNoTracking()
            .Where(a => slugs.Contains(a.Slug) && !a.IsDraft)
            .Select(a => new { a.Slug, a.FileText, a.LastReviewed })
            .ToListAsync(cancellationToken);
        var ordered = slugs.Select(s => rows.Single(r => r.Slug == s)).ToList();
        var sourceKeys = (await db.Sources.AsNoTracking().Select(s => s.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var published = site.Directory;
        var bySlug = published.BySlug;
        var rendered = BundleRenderer.Render(
            [.. ordered.Select(r => (r.Slug, ArticleFileParser.BodyOf(r.FileText)))], published.Links, sourceKeys, published.WarningSigns);

        var sources = await db.Sources.AsNoTracking()
            .Where(s => rendered.SourceKeys.Contains(s.Key))
            .ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, cancellationToken);
        var numbered = rendered.SourceKeys.Select((key, i) => new NumberedSource(i + 1, sources[key].ToSource())).ToList();

        var signIds = (await db.ArticleSigns.AsNoTracking()
                .Where(s => slugs.Contains(s.Article!.Slug))
                .Select(s => new { s.Article!.Slug, s.SignId })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.Slug, s => s.SignId, StringComparer.Ordinal);
        var articles = ordered.Select((row, i) => new HandoutArticle(bySlug[row.Slug], row.LastReviewed, rendered.Html[i],
            [.. published.WarningSigns.Signs.Where(sign => signIds[row.Slug].Contains(sign.Id, StringComparer.Ordinal))])).ToList();
        return (new Handout(articles, numbered, published.WarningSigns.HomeSigns), []);
    }
}
