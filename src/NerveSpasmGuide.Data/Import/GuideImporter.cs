using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Loading;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Search;
using NerveSpasmGuide.Data.Store;

namespace NerveSpasmGuide.Data.Import;

/// <summary>Where content is read from, and the path whose folder holds the derived stores (a link to the newest).</summary>
public sealed record StoreLocation(string ContentPath, string DatabasePath);

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
/// The one import service (start-up, the content watcher, the store guard and the CLI all call it). Each import
/// parses and validates the content, writes it in one transaction into a new store file of its own, loads the
/// article directory from that file and publishes the whole as a new <see cref="PublishedSite"/>. No file a live
/// request reads is ever replaced: <c>Guide:DatabasePath</c> becomes a link to the newest file, for tools and for the
/// next start-up's last good versions.
/// </summary>
public sealed partial class GuideImporter(StoreLocation location, SitePublisher publisher, TimeProvider clock, ILogger<GuideImporter> logger) : IDisposable
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private int version;

    /// <summary>
    /// Raised after each import, once its parsed content is garbage: for the host, which owns the process's memory
    /// policy (this library sets none).
    /// </summary>
    public event Action? Imported;

    /// <summary>Imports the content folder and publishes it; concurrent calls wait their turn, so imports never overlap.</summary>
    public async Task<ImportSummary> ImportAsync(CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var summary = await ImportNowAsync(cancellationToken);
            Imported?.Invoke();
            return summary;
        }
        finally
        {
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
        var link = Path.GetFullPath(location.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        var number = version + 1;
        var storePath = VersionPath(link, clock.GetUtcNow(), number);
        var building = link + ".building"; // one import at a time, and one process per store folder
        File.Delete(building);

        // Creating the empty schema (EF builds its model the first time) overlaps with reading the content.
        var schema = Task.Run(() => CreateSchemaAsync(building, cancellationToken), cancellationToken);
        ContentSet content;
        using (var previous = new PreviousStore(publisher.Current?.StorePath ?? link))
        {
            content = ContentLoader.Load(location.ContentPath, clock, previous.FileText);
        }

        foreach (var problem in content.Problems)
        {
            logger.LogWarning("Content {Severity} at {Path}:{Line}:{Column}: {Message}",
                problem.IsError ? "error" : "warning", problem.Path, problem.Line, problem.Column, problem.Message);
        }

        await schema;
        var counts = await WriteRowsAsync(building, content, cancellationToken);
        File.Move(building, storePath);

        ArticleDirectorySnapshot directory;
        await using (var db = new GuideDbContext(new DbContextOptionsBuilder<GuideDbContext>()
                         .UseSqlite(PublishedSite.ReadOnly(storePath)).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options))
        {
            directory = await ArticleDirectory.LoadAsync(db, cancellationToken);
        }

        var published = content.Articles.Count(a => !a.Meta.Draft);
        var summary = new ImportSummary(clock.GetUtcNow(), stopwatch.ElapsedMilliseconds, published, content.Articles.Count - published, counts.Links,
            counts.Citations, content.ErrorCount, content.WarningCount, content.Problems, content.KeptPreviousVersions);
        version = number;
        var isFirst = publisher.Current is null;
        // The link moves first, so it never names a replaced store that its last request has just deleted.
        PointLinkAt(link, storePath);
        publisher.Publish(new PublishedSite(number, storePath, summary, directory, Drop));
        if (isFirst)
        {
            RemoveEarlierStores(link, storePath);
        }

        logger.LogInformation(
            "Imported {Articles} articles, {Links} links and {Citations} citations from {ContentPath} in {ElapsedMs} ms ({Errors} errors, {Warnings} warnings)",
            summary.Articles, summary.Links, summary.Citations, location.ContentPath, summary.ElapsedMilliseconds, summary.Errors, summary.Warnings);
        return summary;
    }

    /// <summary><c>data/guide.db</c> → <c>data/guide.20261202T101500123-3.db</c>: unique across restarts, sorted by time.</summary>
    private static string VersionPath(string link, DateTimeOffset now, int number) =>
        Path.Combine(Path.GetDirectoryName(link)!,
            $"{Path.GetFileNameWithoutExtension(link)}.{now.UtcDateTime:yyyyMMdd'T'HHmmssfff}-{number}{Path.GetExtension(link)}");

    /// <summary>Replaces the link in one rename, so it always names a whole store.</summary>
    private void PointLinkAt(string link, string storePath)
    {
        var temporary = link + ".link";
        try
        {
            File.Delete(temporary);
            File.CreateSymbolicLink(temporary, Path.GetFileName(storePath));
            File.Move(temporary, link, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The site does not need the link; only tools and the next start-up's last good versions read it.
            LogLinkFailed(link, ex.Message);
        }
    }

    /// <summary>At the first import, stores left by earlier runs (the previous one was read for last good versions above).</summary>
    private void RemoveEarlierStores(string link, string current)
    {
        var stem = Path.GetFileNameWithoutExtension(link) + ".";
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(link)!, stem + "*" + Path.GetExtension(link)))
        {
            if (file != current && Path.GetFileName(file) != Path.GetFileName(link))
            {
                Delete(file);
            }
        }
    }

    /// <summary>A replaced site that no request uses any more: close its pooled connections and delete its file.</summary>
    private void Drop(PublishedSite site)
    {
        using (var connection = new SqliteConnection(site.ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        Delete(site.StorePath);
    }

    private void Delete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogDeleteFailed(file, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not point {Link} at the newest store: {Reason}")]
    private partial void LogLinkFailed(string link, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the replaced store {Path}: {Reason}")]
    private partial void LogDeleteFailed(string path, string reason);

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
        await SearchIndex.FillVocabularyAsync(connection, transaction, content.Articles.Where(a => !a.Meta.Draft), content.Synonyms.Select(s => s.Term),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (links, citations);
    }
}
