using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Store;

namespace NerveSpasmGuide.Data.Search;

/// <summary>
/// Search of the Spanish pages: their own FTS5 index (unicode61 with accents folded, no English stemmer, so "ciatica"
/// finds "ciática"), Spanish stop words that need not match, and the lay terms of <c>content/es/synonyms.yaml</c>
/// first. A lay term that leads to the urgent-help guide puts it first, as in English. Pages must hold every
/// meaningful word; when none holds them all, pages holding any are listed, most words first. A query that finds
/// nothing has its unknown words corrected from the Spanish pages' own words (the English search's edit distances),
/// and says so ("Mostrando resultados para ...").
/// </summary>
public sealed class SpanishSearch(GuideDbContext db, RequestSite site)
{
    public const int MaxHits = 50;

    /// <summary>Words of a Spanish question that carry no meaning of their own ("¿qué puedo hacer para mi ...?").</summary>
    public static IReadOnlySet<string> StopWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "al", "algo", "ante", "como", "con", "contra", "cual", "cuales", "cuando", "de", "del", "desde", "donde", "durante", "e", "el",
        "ella", "ellas", "ellos", "en", "entre", "era", "es", "esa", "ese", "eso", "esta", "estan", "estar", "este", "esto", "estoy", "fue",
        "ha", "hace", "hacer", "hay", "la", "las", "le", "les", "lo", "los", "me", "mi", "mis", "muy", "o", "para", "pero", "por", "porque",
        "puede", "puedo", "que", "se", "si", "sin", "sobre", "son", "su", "sus", "tan", "te", "tener", "tengo", "tiene", "tu", "un", "una",
        "uno", "unos", "unas", "y", "ya", "yo", "ayuda", "mucho", "mucha", "necesito", "saber", "bien", "mejor",
    };

    /// <param name="exact">"Search instead for": the words as typed, with no spelling correction.</param>
    public async Task<SearchResults> SearchAsync(string? query, bool exact, CancellationToken cancellationToken)
    {
        var (results, everyWordFound) = await SearchWordsAsync(query, cancellationToken);
        var words = QueryWords.Split(QueryWords.Fold(results.Query));

        // Corrected only when no page holds every word as typed and no lay term matched, so a correct query is never rewritten.
        if (!exact && !everyWordFound && results.Hits.All(h => h.MatchedTerm is null) && Correct(words) is { } corrected &&
            await SearchWordsAsync(corrected, cancellationToken) is ({ Hits.Count: > 0 } retry, true))
        {
            return retry with { SearchedInstead = results.Query, WasShortened = results.WasShortened };
        }

        return results;
    }

    /// <returns>The results, and whether some page holds every meaningful word (else the pages holding any are listed).</returns>
    private async Task<(SearchResults Results, bool EveryWordFound)> SearchWordsAsync(string? query, CancellationToken cancellationToken)
    {
        var text = (query ?? "").Trim();
        var shortened = text.Length > ArticleSearch.MaxQueryLength;
        text = shortened ? text[..ArticleSearch.MaxQueryLength] : text;
        var words = QueryWords.Split(QueryWords.Fold(text)).Take(ArticleSearch.MaxTerms).ToList();
        if (words.Count == 0)
        {
            return (new SearchResults(text, shortened, []), true);
        }

        var spanish = site.Directory.Spanish;

        // Lay terms whose words all appear in the query, longest first: their pages lead, marked with the term.
        var padded = " " + string.Join(' ', words) + " ";
        var hits = new List<SearchHit>();
        foreach (var synonym in spanish.LayTerms)
        {
            if (padded.Contains(synonym.Padded, StringComparison.Ordinal))
            {
                hits.AddRange(synonym.Slugs.Where(spanish.BySlug.ContainsKey).Where(slug => hits.All(h => h.Article.Slug != slug))
                    .Select(slug => new SearchHit(spanish.BySlug[slug], [new(spanish.BySlug[slug].Summary, false)], synonym.Term)));
            }
        }

        var urgent = hits.FindIndex(h => h.Article.Slug == RedFlags.UrgentHelpSlug);
        if (urgent > 0)
        {
            var first = hits[urgent];
            hits.RemoveAt(urgent);
            hits.Insert(0, first);
        }

        var meaningful = words.Where(w => !StopWords.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        meaningful = meaningful.Count > 0 ? meaningful : [.. words.Distinct(StringComparer.Ordinal)];
        var all = await MatchAsync(string.Join(" AND ", meaningful.Select(Quote)), cancellationToken);
        foreach (var (id, snippet) in all.Count > 0 ? all : await MatchAsync(string.Join(" OR ", meaningful.Select(Quote)), cancellationToken))
        {
            if (spanish.BySearchRow.TryGetValue(id, out var card) && hits.All(h => h.Article.Slug != card.Slug) && hits.Count < MaxHits)
            {
                hits.Add(new SearchHit(card, ArticleSearch.Split(snippet), null));
            }
        }

        return (new SearchResults(text, shortened, hits), all.Count > 0);
    }

    /// <summary>The query with each word no Spanish page holds replaced by the closest word that one does; null when nothing changes.</summary>
    private string? Correct(List<string> words)
    {
        var vocabulary = site.Directory.Spanish.Vocabulary;
        var corrected = words.Select(w => StopWords.Contains(w) || vocabulary.Contains(w) ? w : vocabulary.Closest(w) ?? w).ToList();
        return corrected.SequenceEqual(words, StringComparer.Ordinal) ? null : string.Join(' ', corrected);
    }

    /// <summary>Pages matching, best first by bm25 (title above other names, summary and body), with a snippet of the body.</summary>
    private async Task<List<(long Id, string Snippet)>> MatchAsync(string match, CancellationToken cancellationToken)
    {
        await using var command = (await OpenAsync(cancellationToken)).CreateCommand();
        command.CommandText = "SELECT rowid, snippet(spanish_search, 3, char(1), char(2), '…', 24) FROM spanish_search WHERE spanish_search MATCH $match ORDER BY rank LIMIT $limit";
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", MaxHits);
        var rows = new List<(long, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return rows;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        return connection;
    }

    /// <summary>A word as FTS5 sees it, quoted so that no input forms an operator (the words hold only letters and digits).</summary>
    private static string Quote(string word) => "\"" + word + "\"";
}
