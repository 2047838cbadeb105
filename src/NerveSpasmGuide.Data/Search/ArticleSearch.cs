using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Data.Queries;
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
public sealed partial class ArticleSearch(GuideDbContext db)
{
    public const int MaxQueryLength = 200;
    private const int MaxTerms = 12;
    private const int MaxHits = 25;
    private const char HighlightStart = '\u0001';
    private const char HighlightEnd = '\u0002';

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
        var synonyms = await db.Synonyms.AsNoTracking().Select(s => new { s.Term, s.Slugs }).ToListAsync(cancellationToken);
        foreach (var synonym in synonyms.Where(s => phrase.Contains(" " + s.Term + " ", StringComparison.Ordinal)).OrderByDescending(s => s.Term.Length))
        {
            var cards = await db.Articles.AsNoTracking()
                .Where(a => synonym.Slugs.Contains(a.Slug) && !a.IsDraft)
                .Select(a => new { a.Kind, a.Slug, a.Title, a.Summary, a.AlsoCalled })
                .ToListAsync(cancellationToken);
            foreach (var slug in synonym.Slugs)
            {
                var card = cards.Find(c => c.Slug == slug);
                if (card is not null && !hits.Exists(h => h.Article.Slug == slug))
                {
                    hits.Add(new SearchHit(ArticleQueries.Card(card.Kind, card.Slug, card.Title, card.Summary, card.AlsoCalled),
                        [new SnippetPart(card.Summary, false)], synonym.Term));
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

        foreach (var row in ranked.Where(r => !hits.Exists(h => h.Article.Slug == r.Slug)))
        {
            hits.Add(new SearchHit(ArticleQueries.Card(row.Kind, row.Slug, row.Title, row.Summary, row.AlsoCalled), Split(row.Snippet), null));
        }

        return new SearchResults(text, shortened, hits);
    }

    private async Task<List<RankedRow>> RunAsync(string match, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<RankedId>($"""
            SELECT rowid AS Id,
                   bm25(article_search, 10.0, 6.0, 3.0, 1.0) AS Rank,
                   snippet(article_search, 3, char(1), char(2), '…', 24) AS Snippet
            FROM article_search WHERE article_search MATCH {match}
            ORDER BY Rank LIMIT {MaxHits}
            """).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var articles = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && !a.IsDraft)
            .Select(a => new { a.Id, a.Kind, a.Slug, a.Title, a.Summary, a.AlsoCalled })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        return [.. rows.Where(r => articles.ContainsKey(r.Id)).Select(r =>
        {
            var a = articles[r.Id];
            return new RankedRow(a.Kind, a.Slug, a.Title, a.Summary, a.AlsoCalled, r.Snippet);
        })];
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

    private sealed record RankedId(int Id, double Rank, string Snippet);

    private sealed record RankedRow(string Kind, string Slug, string Title, string Summary, List<string> AlsoCalled, string Snippet);
}
