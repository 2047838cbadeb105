using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Loading;
using NerveSpasmGuide.Data.Search;
using NerveSpasmGuide.Data.Store;

namespace NerveSpasmGuide.Data.Import;

/// <summary>Where content is read from and where the derived store is written.</summary>
public sealed record StoreLocation(string ContentPath, string DatabasePath)
{
    public string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = DatabasePath,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = true,
    }.ToString();
}

/// <summary>The outcome of one import, kept for /health, logs and the editor dashboard.</summary>
public sealed record ImportSummary(
    DateTimeOffset FinishedAt,
    long ElapsedMilliseconds,
    int Articles,
    int Drafts,
    int Links,
    int Citations,
    int Errors,
    int Warnings,
    IReadOnlyList<Content.Problems.ContentProblem> Problems,
    IReadOnlyList<string> KeptPreviousVersions);

/// <summary>
/// Builds the SQLite store from the content folder: everything is parsed and validated first, written in one
/// transaction into a new file beside the live one, and then swapped in with an atomic rename, so no request
/// ever sees a half-built store.
/// </summary>
public sealed class GuideImporter(StoreLocation location, StoreStatus status, TimeProvider clock, ILogger<GuideImporter> logger) : IDisposable
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    /// <summary>Imports the content folder; concurrent calls wait their turn, so imports never overlap.</summary>
    public async Task<ImportSummary> ImportAsync(CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await ImportNowAsync(cancellationToken);
        }
        finally
        {
            // An import leaves every parsed tree and rendered article of the set as garbage (hundreds of MB at
            // 10,000 articles); give it back now rather than keep the peak. Imports are rare: start-up and saves.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            oneAtATime.Release();
        }
    }

    public void Dispose() => oneAtATime.Dispose();

    /// <summary>The failures an import can meet from the disk or the store (the content's own problems are reported, not thrown).</summary>
    public static bool IsStoreFailure(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or SqliteException;

    private async Task<ImportSummary> ImportNowAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var target = Path.GetFullPath(location.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var building = target + ".building";
        File.Delete(building);

        // Creating the empty schema (EF builds its model the first time) overlaps with reading the content.
        var schema = Task.Run(() => CreateSchemaAsync(building, cancellationToken), cancellationToken);
        using var previous = new PreviousStore(target);
        var content = ContentLoader.Load(location.ContentPath, clock, previous.FileText);
        foreach (var problem in content.Problems)
        {
            logger.LogWarning("Content {Severity} at {Path}:{Line}:{Column}: {Message}",
                problem.IsError ? "error" : "warning", problem.Path, problem.Line, problem.Column, problem.Message);
        }

        await schema;
        var counts = await WriteRowsAsync(building, content, cancellationToken);
        File.Move(building, target, overwrite: true);
        SqliteConnection.ClearAllPools();
        foreach (var leftover in new[] { target + "-wal", target + "-shm" }.Where(File.Exists))
        {
            File.Delete(leftover);
        }

        var published = content.Articles.Count(a => !a.Meta.Draft);
        var summary = new ImportSummary(clock.GetUtcNow(), stopwatch.ElapsedMilliseconds, published, content.Articles.Count - published, counts.Links,
            counts.Citations, content.ErrorCount, content.WarningCount, content.Problems, content.KeptPreviousVersions);
        status.Publish(summary);
        logger.LogInformation(
            "Imported {Articles} articles, {Links} links and {Citations} citations from {ContentPath} in {ElapsedMs} ms ({Errors} errors, {Warnings} warnings)",
            summary.Articles, summary.Links, summary.Citations, location.ContentPath, summary.ElapsedMilliseconds, summary.Errors, summary.Warnings);
        return summary;
    }

    private static async Task CreateSchemaAsync(string path, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        await using var db = new GuideDbContext(new DbContextOptionsBuilder<GuideDbContext>().UseSqlite(connectionString).Options);
        await db.Database.EnsureCreatedAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(SearchIndex.CreateSql, cancellationToken);

        // EF creates SQLite files in WAL mode; the store is read-only once built, and a single self-contained
        // file (no -wal/-shm companions) is what makes the rename-swap safe.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = DELETE", cancellationToken);
    }

    private static async Task<(int Links, int Citations)> WriteRowsAsync(string path, ContentSet content, CancellationToken cancellationToken)
    {
        // Rows go in through prepared statements rather than EF change tracking: at 10,000 articles and hundreds of
        // thousands of links the difference is seconds. The schema itself is EF's (above), so reads stay typed.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var ids = content.Articles.Select((a, i) => (a.Slug, Id: i + 1)).ToDictionary(x => x.Slug, x => x.Id, StringComparer.Ordinal);

        await BulkInsert.RunAsync(connection, transaction, "sources", ["Key", "Type", "Authors", "Title", "Container", "Year", "Volume", "Pages", "Doi", "Url"],
            content.Sources.Select(s => new object?[] { s.Key, s.Type, s.Authors, s.Title, s.Container, s.Year, s.Volume, s.Pages, s.Doi, s.Url }), cancellationToken);
        await BulkInsert.RunAsync(connection, transaction, "synonyms", ["Term", "Slugs"],
            content.Synonyms.Select(s => new object?[] { s.Term, JsonSerializer.Serialize(s.Slugs) }), cancellationToken);
        await BulkInsert.RunAsync(connection, transaction, "retired", ["Slug", "Reason", "SuggestedSlug"],
            content.Retired.DistinctBy(r => r.Slug).Select(r => new object?[] { r.Slug, r.Reason, r.Suggested }), cancellationToken);
        await BulkInsert.RunAsync(connection, transaction, "articles",
            ["Id", "Slug", "Kind", "Title", "LinkText", "Summary", "AlsoCalled", "BodyHtml", "FileText", "TocJson", "CareLevels", "LastReviewed",
             "NextReview", "IsDraft", "SourcePath", "WordCount", "ReadingGrade"],
            content.Articles.Select(a => new object?[]
            {
                ids[a.Slug], a.Slug, a.Kind.Folder(), a.Meta.Title, a.Meta.LinkText, a.Meta.Summary, JsonSerializer.Serialize(a.Meta.AlsoCalled), a.Html, a.FileText,
                JsonSerializer.Serialize(a.Toc), JsonSerializer.Serialize(a.CareLevels), a.Meta.LastReviewed.ToString("yyyy-MM-dd"),
                a.Meta.NextReview.ToString("yyyy-MM-dd"), a.Meta.Draft, a.SourcePath, a.WordCount, a.ReadingGrade,
            }), cancellationToken);
        await BulkInsert.RunAsync(connection, transaction, "warning_signs", ["Id", "Position", "Level", "GroupName", "Text", "SourceKeys", "OnHome"],
            content.WarningSigns.Signs.Select((s, i) => new object?[] { s.Id, i, s.Level.Name, s.Group, s.Text, JsonSerializer.Serialize(s.SourceKeys), s.OnHome }),
            cancellationToken);
        await BulkInsert.RunAsync(connection, transaction, "media", ["Name", "Text"],
            content.Media.Select(m => new object?[] { m.Name, m.Text }), cancellationToken);
        await BulkInsert.RunAsync(connection, transaction, "article_signs", ["ArticleId", "SignId"],
            content.Articles.SelectMany(a => a.WarningSigns.Select(id => new object?[] { ids[a.Slug], id })), cancellationToken);
        var links = await BulkInsert.RunAsync(connection, transaction, "links", ["FromArticleId", "ToArticleId", "Type"],
            content.Articles.SelectMany(a => a.Links.Select(l => new object?[] { ids[a.Slug], ids[l.TargetSlug], l.Type.ToString() })), cancellationToken);
        var citations = await BulkInsert.RunAsync(connection, transaction, "citations", ["ArticleId", "Number", "SourceKey"],
            content.Articles.SelectMany(a => a.CitedSourceKeys.Select((key, i) => new object?[] { ids[a.Slug], i + 1, key })), cancellationToken);
        await BulkInsert.RunAsync(connection, transaction, "aliases", ["Alias", "ArticleId"],
            content.Articles.SelectMany(a => a.Meta.Aliases.Select(alias => new object?[] { alias.Slug, ids[a.Slug] })), cancellationToken);
        await BulkInsert.RunAsync(connection, transaction, "codes", ["Code", "Display", "ArticleId"],
            content.Articles.SelectMany(a => a.Meta.Icd10.Select(c => new object?[] { c.Replace(".", "", StringComparison.Ordinal), c, ids[a.Slug] })), cancellationToken);
        await SearchIndex.FillAsync(connection, transaction, content.Articles.Where(a => !a.Meta.Draft).Select(a => (ids[a.Slug], a)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (links, citations);
    }
}
