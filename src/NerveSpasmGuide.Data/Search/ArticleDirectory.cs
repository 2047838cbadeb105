using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Safety;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Data.Store;

namespace NerveSpasmGuide.Data.Search;

/// <summary>A lay term with spaces around it (for whole-word matching).</summary>
public sealed record CachedSynonym(string Term, string Padded, IReadOnlyList<string> Slugs);

/// <summary>The words of a name, lower-case, with their stems worked out once per import rather than once per search.</summary>
public sealed class NameWords(string name)
{
    public string[] Words { get; } = [.. QueryWords.Split(name)];

    public string[] Stems { get; } = [.. QueryWords.Split(name).Select(EnglishStemmer.Stem)];

    /// <summary>The words that are not stop words: a title is "exactly the query" when the query holds all of them.</summary>
    public int MeaningfulCount { get; } = QueryWords.Split(name).Count(w => !QueryWords.IsStopWord(w));

    /// <summary>Whether a name word starts with <paramref name="word"/> or shares its stem.</summary>
    public bool Holds(string word, string stem)
    {
        for (var i = 0; i < Words.Length; i++)
        {
            if (Words[i].StartsWith(word, StringComparison.Ordinal) || Stems[i] == stem)
            {
                return true;
            }
        }

        return false;
    }
}

public sealed record TitleNames(NameWords Title, NameWords OtherNames);

/// <summary>
/// What search, code links, the home page and the handout builder need of every published article, and the warning-sign
/// table, held in memory for one import.
/// </summary>
/// <param name="Links">Slug to URL path and link text, for [[links]] in re-rendered handouts.</param>
/// <param name="Spanish">The same for the Spanish pages.</param>
public sealed record ArticleDirectorySnapshot(
    IReadOnlyDictionary<int, ArticleCard> ById,
    IReadOnlyDictionary<string, ArticleCard> BySlug,
    IReadOnlyList<LinkGroup> ByKind,
    IReadOnlyList<CachedSynonym> Synonyms,
    IReadOnlyList<(CodeSystem System, string Code, ArticleCard Article)> Codes,
    IReadOnlyDictionary<string, (string Url, string LinkText)> Links,
    WarningSignTable WarningSigns,
    IReadOnlyDictionary<string, Audience> Audiences,
    SpellingVocabulary Vocabulary,
    RedFlags RedFlags,
    SpanishDirectory Spanish)
{
    /// <summary>Each article's title words and other-name words, for ranking a title match above a body match.</summary>
    public IReadOnlyDictionary<int, TitleNames> TitleWords { get; } = ById.ToDictionary(
        a => a.Key, a => new TitleNames(new NameWords(a.Value.Title), new NameWords(string.Join(' ', a.Value.AlsoCalled))));

    /// <summary>What the search boxes suggest as a patient types, for this import.</summary>
    public SearchSuggestions Suggestions { get; } = new(ById.Values, Synonyms);
}

/// <summary>
/// Loads the published articles' cards, the synonyms and the articles' codes once per import (a few MB at 10,000
/// articles), so a search or code link costs one FTS query or none, instead of several EF round trips. The import
/// loads it from the new store before publishing, as part of that import's <see cref="Publishing.PublishedSite"/>.
/// </summary>
public static class ArticleDirectory
{
    public static async Task<ArticleDirectorySnapshot> LoadAsync(GuideDbContext db, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.AsNoTracking().Where(a => !a.IsDraft)
            .Select(a => new { a.Id, a.Kind, a.Slug, a.Title, a.LinkText, a.Summary, a.AlsoCalled, a.Audience })
            .ToListAsync(cancellationToken);
        var byId = articles.ToDictionary(a => a.Id, a => ArticleQueries.Card(a.Kind, a.Slug, a.Title, a.Summary, a.AlsoCalled));
        var synonyms = await db.Synonyms.AsNoTracking().Select(s => new { s.Term, s.Slugs }).ToListAsync(cancellationToken);
        var codes = await db.Codes.AsNoTracking().Select(c => new { c.System, c.Code, c.ArticleId }).ToListAsync(cancellationToken);
        var signs = await db.WarningSigns.AsNoTracking().OrderBy(s => s.Position)
            .Select(s => new { s.Id, s.Level, s.GroupName, s.Text, s.SourceKeys, s.OnHome })
            .ToListAsync(cancellationToken);
        var words = await db.SearchWords.AsNoTracking().Select(w => new { w.Word, w.Count }).ToListAsync(cancellationToken);

        var vocabulary = new SpellingVocabulary(words.Select(w => KeyValuePair.Create(w.Word, w.Count)));
        List<CachedSynonym> cachedSynonyms = [.. synonyms.OrderByDescending(s => s.Term.Length).Select(s => new CachedSynonym(s.Term, $" {s.Term} ", s.Slugs))];
        var table = new WarningSignTable(
            [.. signs.Select((s, i) => new WarningSign(s.Id, CareLevels.Find(s.Level)!, s.GroupName, s.Text, s.SourceKeys, s.OnHome, Line: i + 1))], []);
        var bySlug = byId.Values.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        var links = articles.ToDictionary(a => a.Slug, a => (byId[a.Id].Url, a.LinkText), StringComparer.Ordinal);
        var spanish = await SpanishDirectory.LoadAsync(db, bySlug, links, table, cancellationToken);
        return new ArticleDirectorySnapshot(
            byId,
            bySlug,
            ArticleQueries.Group(byId.Values),
            cachedSynonyms,
            [.. codes.Where(c => byId.ContainsKey(c.ArticleId)).Select(c => (Enum.Parse<CodeSystem>(c.System), c.Code, byId[c.ArticleId]))],
            links,
            table,
            articles.Where(a => a.Audience != nameof(Audience.Everyone)).ToDictionary(a => a.Slug, a => Enum.Parse<Audience>(a.Audience), StringComparer.Ordinal),
            vocabulary,
            new RedFlags(table, cachedSynonyms, byId.Values.Select(c => c.Title), vocabulary),
            spanish);
    }
}
