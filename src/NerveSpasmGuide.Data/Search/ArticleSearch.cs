using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Store;

namespace NerveSpasmGuide.Data.Search;

/// <summary>A piece of a search snippet; highlighted pieces matched the query.</summary>
public sealed record SnippetPart(string Text, bool Highlighted);

public sealed record SearchHit(ArticleCard Article, IReadOnlyList<SnippetPart> Snippet, string? MatchedTerm);

public sealed record SearchResults(string Query, bool WasShortened, IReadOnlyList<SearchHit> Hits)
{
    public static SearchResults Empty { get; } = new("", false, []);
}

/// <summary>
/// Full-text search over the FTS5 index, ranked by bm25, with lay terms from synonyms.yaml put first.
/// The user's words are reduced to letters and digits and quoted, so no input can form an FTS5 operator.
/// </summary>
public sealed partial class ArticleSearch(GuideDbContext db, RequestSite site)
{
    public const int MaxQueryLength = 200;
    private const int MaxTerms = 12;
    public const int MaxHits = 10;
    private const char HighlightStart = '\u0001';
    private const char HighlightEnd = '\u0002';

    /// <summary>The best <c>$limit</c> matches of <c>$match</c>, best first, with body snippets.</summary>
    /// <remarks>
    /// Snippets are made only for the top hits: SQLite would otherwise build one for every matching row before
    /// sorting. The rank is computed once, in the CTE; ordering the outer query by rank again would make FTS5 rank every
    /// matching row a second time. The plan is pinned: MATERIALIZED ranks once (as a co-routine, SQLite 3.50 re-ran the
    /// ranking for every matching row, which hung searches on a large store), and CROSS JOIN makes the best rows the
    /// outer loop, each one rowid lookup.
    /// </remarks>
    public const string RankedHitsSql = """
        WITH best AS MATERIALIZED (SELECT rowid AS id, rank FROM article_search WHERE article_search MATCH $match ORDER BY rank LIMIT $limit)
        SELECT article_search.rowid, snippet(article_search, 3, char(1), char(2), '…', 24)
        FROM best CROSS JOIN article_search ON article_search.rowid = best.id
        WHERE article_search MATCH $match
        ORDER BY best.rank
        """;

    public async Task<SearchResults> SearchAsync(string? query, CancellationToken cancellationToken)
    {
        var text = (query ?? "").Trim();
        var shortened = text.Length > MaxQueryLength;
        if (shortened)
        {
            text = text[..MaxQueryLength];
        }

        var terms = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).Take(MaxTerms).ToList();
        if (terms.Count == 0)
        {
            return new SearchResults(text, shortened, []);
        }

        var hits = new List<SearchHit>();
        var phrase = " " + string.Join(' ', terms) + " ";
        var articles = site.Directory;
        foreach (var synonym in articles.Synonyms.Where(s => phrase.Contains(s.Padded, StringComparison.Ordinal)))
        {
            foreach (var slug in synonym.Slugs)
            {
                if (articles.BySlug.TryGetValue(slug, out var card) && !hits.Exists(h => h.Article.Slug == slug))
                {
                    hits.Add(new SearchHit(card, [new SnippetPart(card.Summary, false)], synonym.Term));
                }
            }
        }

        var quoted = terms.Select(t => $"\"{t}\"").ToList();
        quoted[^1] += "*";
        var ranked = await RunAsync(string.Join(' ', quoted), cancellationToken);
        if (ranked.Count == 0 && terms.Count > 1)
        {
            ranked = await RunAsync(string.Join(" OR ", quoted), cancellationToken);
        }

        foreach (var (id, snippet) in ranked)
        {
            if (articles.ById.TryGetValue(id, out var card) && !hits.Exists(h => h.Article.Slug == card.Slug))
            {
                hits.Add(new SearchHit(card, Split(snippet), null));
            }
        }

        return new SearchResults(text, shortened, hits);
    }

    /// <summary>The best matches' row ids and body snippets, best first.</summary>
    private async Task<List<(int Id, string Snippet)>> RunAsync(string match, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = RankedHitsSql;
            command.Parameters.AddWithValue("$match", match);
            command.Parameters.AddWithValue("$limit", MaxHits);
            var rows = new List<(int, string)>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt32(0), reader.GetString(1)));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static List<SnippetPart> Split(string snippet)
    {
        var parts = new List<SnippetPart>();
        var position = 0;
        while (position < snippet.Length)
        {
            var start = snippet.IndexOf(HighlightStart, position);
            if (start < 0)
            {
                parts.Add(new SnippetPart(snippet[position..], false));
                break;
            }

            if (start > position)
            {
                parts.Add(new SnippetPart(snippet[position..start], false));
            }

            var end = snippet.IndexOf(HighlightEnd, start);
            end = end < 0 ? snippet.Length : end;
            parts.Add(new SnippetPart(snippet[(start + 1)..end], true));
            position = end + 1;
        }

        return parts;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

}
