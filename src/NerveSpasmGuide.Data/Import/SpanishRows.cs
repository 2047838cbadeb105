using System.Text.Json;
using Microsoft.Data.Sqlite;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Translations;

namespace NerveSpasmGuide.Data.Import;

/// <summary>The Spanish edition's rows.</summary>
internal static class SpanishRows
{
    /// <summary>The Spanish pages, their search index, lay terms, warning signs and drawings, written whole at every import (full or incremental).</summary>
    public static void Write(SqliteConnection connection, SqliteTransaction transaction, SpanishEdition spanish)
    {
        foreach (var table in (string[])["spanish_articles", "spanish_search", "spanish_synonyms", "spanish_warning_signs", "spanish_media"])
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {table}";
            delete.ExecuteNonQuery();
        }

        var pages = spanish.Articles.Select((a, i) => (Id: i + 1, Article: a)).ToList();
        PreparedInsert.All(connection, transaction, "spanish_articles",
            ["Id", "Slug", "Kind", "Title", "Summary", "AlsoCalled", "BodyHtml", "BodyMarkdown", "TocJson", "CitedKeysJson", "CitationUsesJson", "FurtherReadingJson", "CareLevels", "SourcePath", "Stale", "ReadingEase"],
            pages.Select(p => new object?[]
            {
                p.Id, p.Article.Slug, p.Article.Kind.Folder(), p.Article.Title, p.Article.Summary, JsonSerializer.Serialize(p.Article.AlsoCalled), p.Article.Html,
                p.Article.Markdown, JsonSerializer.Serialize(p.Article.Toc), JsonSerializer.Serialize(p.Article.CitedSourceKeys), JsonSerializer.Serialize(p.Article.CitationCounts),
                JsonSerializer.Serialize(p.Article.FurtherReading), JsonSerializer.Serialize(p.Article.CareLevels), p.Article.SourcePath, p.Article.Stale, p.Article.ReadingEase,
            }));
        PreparedInsert.All(connection, transaction, "spanish_search", ["rowid", "title", "also_called", "summary", "body"],
            pages.Select(p => new object?[] { p.Id, p.Article.Title, string.Join(", ", p.Article.AlsoCalled), p.Article.Summary, p.Article.PlainText }));
        PreparedInsert.All(connection, transaction, "spanish_synonyms", ["Term", "Slugs"],
            spanish.Synonyms.DistinctBy(s => s.Term).Select(s => new object?[] { s.Term, JsonSerializer.Serialize(s.Slugs) }));
        PreparedInsert.All(connection, transaction, "spanish_warning_signs", ["Id", "GroupName", "Text"],
            spanish.WarningSigns.Signs.Select(s => new object?[] { s.Id, s.Group, s.Text }));
        PreparedInsert.All(connection, transaction, "spanish_media", ["Name", "Text"],
            spanish.Media.Select(m => new object?[] { m.Name, m.Text }));
    }
}
