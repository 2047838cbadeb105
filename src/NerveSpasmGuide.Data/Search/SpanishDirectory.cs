using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Safety;
using NerveSpasmGuide.Content.Translations;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Data.Store;

namespace NerveSpasmGuide.Data.Search;

/// <summary>A Spanish lay term, with its words accent-folded and padded by spaces (" dolor de ciatica ") for matching whole words.</summary>
public sealed record SpanishLayTerm(string Term, string Padded, IReadOnlyList<string> Slugs);

/// <summary>
/// What the Spanish pages need in memory for one import, beside the English directory: each translated page's card,
/// the link targets a Spanish handout renders (a Spanish page where there is one, else the English page, marked), the
/// warning-sign table in Spanish and the Spanish search box's suggestions.
/// </summary>
/// <param name="BySlug">The cards of the pages that have a Spanish version, with Spanish titles and <c>/es</c> links.</param>
/// <param name="EnglishOnly">The published pages without a Spanish version.</param>
/// <param name="WarningSigns">The English table with each sign's words in Spanish (a sign without them keeps its English words).</param>
/// <param name="Pictures">The drawings that have a copy with Spanish labels, by file name.</param>
/// <param name="BySearchRow">The cards by their row in the Spanish search index.</param>
/// <param name="LayTerms">The lay terms of content/es/synonyms.yaml with their words accent-folded, the longest first (search tries them in that order).</param>
/// <param name="Vocabulary">The Spanish pages' own words and the lay terms' words, for spelling correction.</param>
public sealed record SpanishDirectory(
    IReadOnlyDictionary<string, ArticleCard> BySlug,
    IReadOnlyDictionary<long, ArticleCard> BySearchRow,
    IReadOnlyList<SpanishLayTerm> LayTerms,
    SpellingVocabulary Vocabulary,
    IReadOnlyDictionary<string, (string Url, string LinkText)> Links,
    IReadOnlySet<string> EnglishOnly,
    WarningSignTable WarningSigns,
    SearchSuggestions Suggestions,
    IReadOnlySet<string> Pictures)
{
    public const string SearchPath = SpanishPaths.Prefix + "/search";

    /// <summary>The Spanish pages by kind, in the kinds' order, each kind by title with accents folded ("Ácido" under A).</summary>
    public IReadOnlyList<LinkGroup> ByKind { get; } =
        [.. ArticleKinds.All
            .Select(kind => new LinkGroup(kind, [.. BySlug.Values.Where(c => c.Kind == kind).OrderBy(c => QueryWords.Fold(c.Title), StringComparer.Ordinal)]))
            .Where(g => g.Articles.Count > 0)];

    internal static async Task<SpanishDirectory> LoadAsync(
        GuideDbContext db, IReadOnlyDictionary<string, ArticleCard> english, IReadOnlyDictionary<string, (string Url, string LinkText)> englishLinks,
        WarningSignTable englishSigns, CancellationToken cancellationToken)
    {
        var pages = await db.SpanishArticles.AsNoTracking()
            .Select(a => new { a.Id, a.Kind, a.Slug, a.Title, a.Summary, a.AlsoCalled })
            .ToListAsync(cancellationToken);
        var bySlug = new Dictionary<string, ArticleCard>(StringComparer.Ordinal);
        var bySearchRow = new Dictionary<long, ArticleCard>();
        foreach (var page in pages)
        {
            // A translation is published only with its English page, so a draft's or a deleted page's is left out here too.
            if (english.TryGetValue(page.Slug, out var card) && card.Kind.Folder() == page.Kind)
            {
                bySlug[page.Slug] = bySearchRow[page.Id] =
                    new ArticleCard(card.Kind, page.Slug, page.Title, page.Summary, page.AlsoCalled, SpanishPaths.Article(card.Kind, page.Slug), "es");
            }
        }

        var links = englishLinks.ToDictionary(
            l => l.Key,
            l => bySlug.TryGetValue(l.Key, out var card) ? (card.Url, SpanishPaths.LinkText(card.Title)) : l.Value,
            StringComparer.Ordinal);

        var words = await db.SpanishWarningSigns.AsNoTracking()
            .Select(s => new { s.Id, s.GroupName, s.Text })
            .ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, cancellationToken);
        var signs = new WarningSignTable(
            [.. englishSigns.Signs.Select(s => words.TryGetValue(s.Id, out var spanish) ? s with { Group = spanish.GroupName, Text = spanish.Text } : s)], []);

        var layTerms = await db.SpanishSynonyms.AsNoTracking().Select(s => new { s.Term, s.Slugs }).ToListAsync(cancellationToken);
        var suggestions = new SearchSuggestions(
            bySlug.Values, [.. layTerms.Select(t => new CachedSynonym(t.Term, $" {t.Term} ", t.Slugs))], SearchPath);
        List<SpanishLayTerm> folded = [.. layTerms
            .Select(t => new SpanishLayTerm(t.Term, " " + string.Join(' ', QueryWords.Split(QueryWords.Fold(t.Term))) + " ", t.Slugs))
            .OrderByDescending(t => QueryWords.Fold(t.Term).Length)];
        var pictures = (await db.SpanishMedia.AsNoTracking().Select(m => m.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return new SpanishDirectory(
            bySlug, bySearchRow, folded, await VocabularyAsync(db, folded, cancellationToken), links, english.Keys.Where(slug => !bySlug.ContainsKey(slug)).ToHashSet(StringComparer.Ordinal), signs, suggestions, pictures);
    }

    /// <summary>The words of the Spanish index (fts5vocab), with the lay terms' words counted as common ones, as in English.</summary>
    private static async Task<SpellingVocabulary> VocabularyAsync(GuideDbContext db, IReadOnlyList<SpanishLayTerm> layTerms, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT term, doc FROM spanish_vocab";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        foreach (var word in layTerms.SelectMany(t => t.Padded.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            counts[word] = counts.GetValueOrDefault(word) + 10;
        }

        return new SpellingVocabulary(counts);
    }
}
