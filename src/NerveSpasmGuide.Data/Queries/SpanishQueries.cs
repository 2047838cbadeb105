using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Translations;
using NerveSpasmGuide.Data.Store;

namespace NerveSpasmGuide.Data.Queries;

/// <summary>
/// The Spanish pages: each is its English article (codes, review dates, care levels, related pages) with the Spanish
/// title, summary, body and citations; links to pages without a Spanish version open the English page and say so.
/// </summary>
public sealed class SpanishQueries(GuideDbContext db, ArticleQueries english)
{
    /// <summary>Found, or Missing when the page has no Spanish version (the English one may exist).</summary>
    public async Task<ArticleLookup> FindAsync(ArticleKind kind, string slug, CancellationToken cancellationToken)
    {
        var folder = kind.Folder();
        var spanish = await db.SpanishArticles.AsNoTracking()
            .Where(a => a.Slug == slug && a.Kind == folder)
            .Select(a => new { a.Title, a.Summary, a.AlsoCalled, a.BodyHtml, a.TocJson, a.CitedKeysJson, a.CitationUsesJson, a.FurtherReadingJson, a.Stale })
            .SingleOrDefaultAsync(cancellationToken);
        if (spanish is null || await english.FindAsync(kind, slug, includeDrafts: false, cancellationToken) is not ArticleLookup.Found found)
        {
            return new ArticleLookup.Missing();
        }

        var page = found.Page;
        var cited = JsonSerializer.Deserialize<List<string>>(spanish.CitedKeysJson) ?? [];
        var uses = JsonSerializer.Deserialize<List<int>>(spanish.CitationUsesJson) ?? [];
        var furtherKeys = JsonSerializer.Deserialize<List<string>>(spanish.FurtherReadingJson) ?? [];
        var keys = cited.Concat(furtherKeys).ToList();
        var sources = await db.Sources.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, cancellationToken);
        var titles = await TitlesAsync(cancellationToken);
        return new ArticleLookup.Found(page with
        {
            Card = new ArticleCard(kind, slug, spanish.Title, spanish.Summary, spanish.AlsoCalled, SpanishPaths.Article(kind, slug), "es"),
            BodyHtml = spanish.BodyHtml,
            Toc = JsonSerializer.Deserialize<List<TocEntry>>(spanish.TocJson) ?? [],
            Related = [.. page.Related.Select(g => new LinkGroup(g.Kind, [.. g.Articles.Select(c => InSpanish(c, titles))]))],
            LinkedFrom = [.. page.LinkedFrom.Select(g => new LinkGroup(g.Kind, [.. g.Articles.Select(c => InSpanish(c, titles))]))],
            Sources = [.. cited.Select((key, i) => new NumberedSource(i + 1, sources[key].ToSource(), i < uses.Count ? uses[i] : 0))],
            FurtherReading = [.. furtherKeys.Select(key => sources[key].ToSource())],

            // The English page's history and review belong to its English text; the translation has neither.
            Changes = [],
            MedicalReview = null,
            OtherLanguageUrl = page.Card.Url,
            StaleTranslation = spanish.Stale,
        });
    }

    /// <summary>The Spanish pages of one kind, by Spanish title.</summary>
    public async Task<IReadOnlyList<ArticleCard>> ListAsync(ArticleKind kind, CancellationToken cancellationToken)
    {
        var folder = kind.Folder();
        var rows = await db.SpanishArticles.AsNoTracking()
            .Where(a => a.Kind == folder)
            .Select(a => new { a.Slug, a.Title, a.Summary, a.AlsoCalled })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Title, StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, System.Globalization.CompareOptions.IgnoreNonSpace))
            .Select(r => new ArticleCard(kind, r.Slug, r.Title, r.Summary, r.AlsoCalled, SpanishPaths.Article(kind, r.Slug), "es"))];
    }

    /// <summary>The Spanish home page: the first pages of each kind, and the home page's emergency signs in Spanish.</summary>
    public async Task<HomeOverview> HomeAsync(CancellationToken cancellationToken)
    {
        var sections = new List<HomeSection>();
        foreach (var kind in ArticleKinds.All)
        {
            var cards = await ListAsync(kind, cancellationToken);
            sections.Add(new HomeSection(kind, [.. cards.Take(ArticleQueries.HomeSectionSize)], cards.Count));
        }

        var words = await db.SpanishWarningSigns.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Text, StringComparer.Ordinal, cancellationToken);
        var home = english.Home().EmergencySigns;

        // A sign without Spanish words (an error the import reports) keeps its English words rather than go missing.
        return new HomeOverview(sections, [.. home.Select(s => s with { Text = words.GetValueOrDefault(s.Id) ?? s.Text })]);
    }

    /// <summary>The sources page in Spanish: the same sources, each naming the Spanish pages that use it where they exist.</summary>
    public async Task<IReadOnlyList<SourceWithCitations>> SourcesAsync(CancellationToken cancellationToken)
    {
        var sources = await english.SourcesAsync(cancellationToken);
        var cards = await CardsAsync(cancellationToken);
        return [.. sources.Select(s => s with { CitedBy = [.. s.CitedBy.Select(c => cards.GetValueOrDefault(c.Slug) ?? c)] })];
    }

    /// <summary>Every Spanish page's card, by slug (record systems asking for Spanish get these titles, summaries and links).</summary>
    public async Task<Dictionary<string, ArticleCard>> CardsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.SpanishArticles.AsNoTracking().Select(a => new { a.Kind, a.Slug, a.Title, a.Summary, a.AlsoCalled }).ToListAsync(cancellationToken);
        var cards = new Dictionary<string, ArticleCard>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (ArticleKinds.TryParseFolder(row.Kind, out var kind))
            {
                cards[row.Slug] = new ArticleCard(kind, row.Slug, row.Title, row.Summary, row.AlsoCalled, SpanishPaths.Article(kind, row.Slug), "es");
            }
        }

        return cards;
    }

    /// <summary>The English paths of the pages that have a Spanish version (<c>/causes/sciatica</c>), for the sitemap's alternates.</summary>
    public async Task<HashSet<string>> TranslatedPathsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.SpanishArticles.AsNoTracking().Select(a => new { a.Kind, a.Slug }).ToListAsync(cancellationToken);
        return rows.Select(r => $"/{r.Kind}/{r.Slug}").ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether the page has a Spanish version: its URL, or null.</summary>
    public async Task<string?> SpanishUrlAsync(ArticleKind kind, string slug, CancellationToken cancellationToken)
    {
        var folder = kind.Folder();
        return await db.SpanishArticles.AsNoTracking().AnyAsync(a => a.Slug == slug && a.Kind == folder, cancellationToken)
            ? SpanishPaths.Article(kind, slug)
            : null;
    }

    private async Task<Dictionary<string, (string Title, string Summary)>> TitlesAsync(CancellationToken cancellationToken) =>
        await db.SpanishArticles.AsNoTracking().Select(a => new { a.Slug, a.Title, a.Summary })
            .ToDictionaryAsync(a => a.Slug, a => (a.Title, a.Summary), StringComparer.Ordinal, cancellationToken);

    /// <summary>A related page in Spanish when it has a Spanish version; otherwise the English card, which the page marks "en inglés".</summary>
    private static ArticleCard InSpanish(ArticleCard card, Dictionary<string, (string Title, string Summary)> titles) =>
        titles.TryGetValue(card.Slug, out var spanish)
            ? new ArticleCard(card.Kind, card.Slug, spanish.Title, spanish.Summary, [], SpanishPaths.Article(card.Kind, card.Slug), "es")
            : card;
}
