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

    public static Task<int> FillAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<(int Id, Article Article)> articles, CancellationToken cancellationToken) =>
        BulkInsert.RunAsync(connection, transaction, "article_search", ["rowid", "title", "also_called", "summary", "body"],
            articles.Select(row => new object?[]
            {
                row.Id, row.Article.Meta.Title, string.Join(", ", row.Article.Meta.AlsoCalled), row.Article.Meta.Summary, row.Article.PlainText,
            }), cancellationToken);
}
