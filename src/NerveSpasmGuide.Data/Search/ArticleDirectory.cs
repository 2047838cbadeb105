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
    public required IReadOnlyDictionary<int, TitleNames> TitleWords { get; init; }

    /// <summary>What the search boxes suggest as a patient types, for this import.</summary>
    public SearchSuggestions Suggestions { get; } = new(ById.Values, Synonyms);

    /// <summary>The published articles' rows, by id, as read from the store: what the next incremental import starts from.</summary>
    internal IReadOnlyList<DirectoryArticle> Articles { get; init; } = [];

    /// <summary>Every row of the codes table (drafts' too), in the store's key order.</summary>
    internal IReadOnlyList<DirectoryCode> CodeRows { get; init; } = [];

    /// <summary>The published pages' words and their places, which English search ranks and cuts snippets from.</summary>
    internal WordIndex Words { get; init; } = WordIndex.Empty;
}

/// <summary>What the directory reads of one published article.</summary>
internal sealed record DirectoryArticle(int Id, ArticleCard Card, string LinkText, string Audience);

/// <summary>One row of the codes table.</summary>
internal sealed record DirectoryCode(string System, string Code, int ArticleId);

/// <summary>
/// Loads the published articles' cards, the synonyms and the articles' codes once per import (a few MB at 10,000
/// articles), so a search or code link costs one FTS query or none, instead of several EF round trips. The import
/// loads it from the new store before publishing, as part of that import's <see cref="Publishing.PublishedSite"/>;
/// an incremental import reads only the rows of the pages it wrote and takes the others from the previous directory.
/// </summary>
public static class ArticleDirectory
{
    public static Task<ArticleDirectorySnapshot> LoadAsync(GuideDbContext db, CancellationToken cancellationToken) =>
        LoadAsync(db, withWordIndex: true, cancellationToken);

    /// <param name="withWordIndex">False where nothing is served (the import verb): English search's index is left empty.</param>
    public static async Task<ArticleDirectorySnapshot> LoadAsync(GuideDbContext db, bool withWordIndex, CancellationToken cancellationToken)
    {
        var articles = await ReadArticlesAsync(db.Articles, cancellationToken);
        var codes = await ReadCodesAsync(db.Codes, cancellationToken);
        var words = withWordIndex ? await WithConnectionAsync(db, connection => WordIndex.BuildAsync(connection, cancellationToken), cancellationToken) : WordIndex.Empty;
        return await BuildAsync(db, articles, codes, words, previous: null, cancellationToken);
    }

    /// <summary>
    /// The directory <see cref="LoadAsync(GuideDbContext, CancellationToken)"/> would read from <paramref name="db"/>, when that store differs from the
    /// one <paramref name="previous"/> was read from only in the rows of the articles in <paramref name="changed"/>
    /// (rewritten, added or removed: their own rows and the rows they own) and in the site-wide tables, which are read again.
    /// Reading every article row means reading past its page text (tens of MB at 10,000 articles), so it is avoided.
    /// </summary>
    public static async Task<ArticleDirectorySnapshot> UpdateAsync(
        ArticleDirectorySnapshot previous, GuideDbContext db, IReadOnlyCollection<int> changed, CancellationToken cancellationToken)
    {
        var ids = changed.ToHashSet();
        var rewritten = await ReadArticlesAsync(db.Articles.Where(a => ids.Contains(a.Id)), cancellationToken);
        var rewrittenCodes = await ReadCodesAsync(db.Codes.Where(c => ids.Contains(c.ArticleId)), cancellationToken);
        List<DirectoryArticle> articles = [.. previous.Articles.Where(a => !ids.Contains(a.Id)).Concat(rewritten).OrderBy(a => a.Id)];
        List<DirectoryCode> codes =
        [
            .. previous.CodeRows.Where(c => !ids.Contains(c.ArticleId)).Concat(rewrittenCodes)
                .OrderBy(c => c.System, StringComparer.Ordinal).ThenBy(c => c.Code, StringComparer.Ordinal).ThenBy(c => c.ArticleId),
        ];
        var words = await WithConnectionAsync(db, connection => previous.Words.UpdateAsync(connection, ids, cancellationToken), cancellationToken);
        return await BuildAsync(db, articles, codes, words, previous, cancellationToken);
    }

    private static async Task<WordIndex> WithConnectionAsync(GuideDbContext db, Func<Microsoft.Data.Sqlite.SqliteConnection, Task<WordIndex>> read,
        CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await read((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The published (not draft) articles among <paramref name="query"/>, in id order (the store's own order).</summary>
    private static async Task<List<DirectoryArticle>> ReadArticlesAsync(IQueryable<ArticleRecord> query, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking().Where(a => !a.IsDraft).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Kind, a.Slug, a.Title, a.LinkText, a.Summary, a.AlsoCalled, a.Audience })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(a => new DirectoryArticle(a.Id, ArticleQueries.Card(a.Kind, a.Slug, a.Title, a.Summary, a.AlsoCalled), a.LinkText, a.Audience))];
    }

    /// <summary>Code rows in the order of the table's key, as a scan of it returns them.</summary>
    private static async Task<List<DirectoryCode>> ReadCodesAsync(IQueryable<CodeRecord> query, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking().OrderBy(c => c.System).ThenBy(c => c.Code).ThenBy(c => c.ArticleId)
            .Select(c => new { c.System, c.Code, c.ArticleId })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => new DirectoryCode(c.System, c.Code, c.ArticleId))];
    }

    /// <param name="previous">Whose title words are kept for the articles whose cards did not change.</param>
    private static async Task<ArticleDirectorySnapshot> BuildAsync(
        GuideDbContext db, List<DirectoryArticle> articles, List<DirectoryCode> codes, WordIndex wordIndex, ArticleDirectorySnapshot? previous,
        CancellationToken cancellationToken)
    {
        var byId = articles.ToDictionary(a => a.Id, a => a.Card);
        var synonyms = await db.Synonyms.AsNoTracking().Select(s => new { s.Term, s.Slugs }).ToListAsync(cancellationToken);
        var signs = await db.WarningSigns.AsNoTracking().OrderBy(s => s.Position)
            .Select(s => new { s.Id, s.Level, s.GroupName, s.Text, s.SourceKeys, s.OnHome })
            .ToListAsync(cancellationToken);
        var words = await db.SearchWords.AsNoTracking().Select(w => new { w.Word, w.Count }).ToListAsync(cancellationToken);

        var vocabulary = new SpellingVocabulary(words.Select(w => KeyValuePair.Create(w.Word, w.Count)));
        List<CachedSynonym> cachedSynonyms = [.. synonyms.OrderByDescending(s => s.Term.Length).Select(s => new CachedSynonym(s.Term, $" {s.Term} ", s.Slugs))];
        var table = new WarningSignTable(
            [.. signs.Select((s, i) => new WarningSign(s.Id, CareLevels.Find(s.Level)!, s.GroupName, s.Text, s.SourceKeys, s.OnHome, Line: i + 1))], []);
        var bySlug = byId.Values.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        var links = articles.ToDictionary(a => a.Card.Slug, a => (a.Card.Url, a.LinkText), StringComparer.Ordinal);
        var spanish = await SpanishDirectory.LoadAsync(db, bySlug, links, table, cancellationToken);
        return new ArticleDirectorySnapshot(
            byId,
            bySlug,
            ArticleQueries.Group(byId.Values),
            cachedSynonyms,
            [.. codes.Where(c => byId.ContainsKey(c.ArticleId)).Select(c => (Enum.Parse<CodeSystem>(c.System), c.Code, byId[c.ArticleId]))],
            links,
            table,
            articles.Where(a => a.Audience != nameof(Audience.Everyone)).ToDictionary(a => a.Card.Slug, a => Enum.Parse<Audience>(a.Audience), StringComparer.Ordinal),
            vocabulary,
            new RedFlags(table, cachedSynonyms, byId.Values.Select(c => c.Title), vocabulary),
            spanish)
        {
            TitleWords = byId.ToDictionary(a => a.Key, a =>
                previous?.ById.GetValueOrDefault(a.Key) is { } card && card == a.Value && previous.TitleWords.TryGetValue(a.Key, out var names)
                    ? names
                    : new TitleNames(new NameWords(a.Value.Title), new NameWords(string.Join(' ', a.Value.AlsoCalled)))),
            Articles = articles,
            CodeRows = codes,
            Words = wordIndex,
        };
    }
}
