using Microsoft.Data.Sqlite;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Import;

namespace NerveSpasmGuide.Data.Search;

/// <summary>The FTS5 full-text index over title, other names, summary and body text.</summary>
internal static class SearchIndex
{
    /// <summary>The index, ranked by bm25 weighting a title match above other names, the summary and the body.</summary>
    public const string CreateSql =
        "CREATE VIRTUAL TABLE article_search USING fts5(title, also_called, summary, body, tokenize = 'porter unicode61');" +
        "INSERT INTO article_search(article_search, rank) VALUES('rank', 'bm25(10.0, 6.0, 3.0, 1.0)');";

    /// <summary>The spelling vocabulary: every word of the published articles and the lay terms, a title or other name counting more.</summary>
    public static Task<int> FillVocabularyAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<Article> articles,
        IEnumerable<string> layTerms, CancellationToken cancellationToken)
    {
        var texts = articles.SelectMany(a => new[]
            {
                (a.Meta.Title, 20), (string.Join(' ', a.Meta.AlsoCalled), 10), (a.Meta.Summary, 3), (a.PlainText, 1),
            })
            .Concat(layTerms.Select(term => (term, 10)));
        return BulkInsert.RunAsync(connection, transaction, "search_words", ["Word", "Count"],
            SpellingVocabulary.CountWords(texts).Select(w => new object?[] { w.Key, w.Value }), cancellationToken);
    }

    public static Task<int> FillAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<(int Id, Article Article)> articles, CancellationToken cancellationToken) =>
        BulkInsert.RunAsync(connection, transaction, "article_search", ["rowid", "title", "also_called", "summary", "body"],
            articles.Select(row => new object?[]
            {
                row.Id, row.Article.Meta.Title, string.Join(", ", row.Article.Meta.AlsoCalled), row.Article.Meta.Summary, row.Article.PlainText,
            }), cancellationToken);
}
