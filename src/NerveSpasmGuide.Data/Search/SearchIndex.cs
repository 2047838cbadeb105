using Microsoft.Data.Sqlite;
using NerveSpasmGuide.Content.Articles;

namespace NerveSpasmGuide.Data.Search;

/// <summary>The FTS5 full-text index over title, other names, summary and body text.</summary>
internal static class SearchIndex
{
    /// <summary>The index, ranked by bm25 weighting a title match above other names, the summary and the body.</summary>
    public const string CreateSql =
        "CREATE VIRTUAL TABLE article_search USING fts5(title, also_called, summary, body, tokenize = 'porter unicode61');" +
        "INSERT INTO article_search(article_search, rank) VALUES('rank', 'bm25(10.0, 6.0, 3.0, 1.0)');";

    public static async Task FillAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<(int Id, Article Article)> articles, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO article_search (rowid, title, also_called, summary, body) VALUES ($id, $title, $also, $summary, $body)";
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        var title = command.Parameters.Add("$title", SqliteType.Text);
        var also = command.Parameters.Add("$also", SqliteType.Text);
        var summary = command.Parameters.Add("$summary", SqliteType.Text);
        var body = command.Parameters.Add("$body", SqliteType.Text);
        await command.PrepareAsync(cancellationToken);
        foreach (var (rowId, article) in articles)
        {
            id.Value = rowId;
            title.Value = article.Meta.Title;
            also.Value = string.Join(", ", article.Meta.AlsoCalled);
            summary.Value = article.Meta.Summary;
            body.Value = article.PlainText;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
