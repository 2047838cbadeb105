using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NerveSpasmGuide.Content.Loading;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Search;
using NerveSpasmGuide.Data.Store;

namespace NerveSpasmGuide.Data.Import;

/// <summary>Where content is read from, and the path whose folder holds the derived stores (a link to the newest).</summary>
public sealed record StoreLocation(string ContentPath, string DatabasePath);

/// <summary>The outcome of one import, kept for /health, logs and the editor dashboard.</summary>
/// <param name="Incremental">Only changed pages and those depending on them were rendered, into a copy of the previous store.</param>
/// <param name="LeftOut">Article files with no version published (see <see cref="ContentSet.LeftOut"/>).</param>
/// <param name="PagesRendered">How many articles this import parsed, resolved and rendered (all of them unless incremental).</param>
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
    IReadOnlyList<string> KeptPreviousVersions,
    IReadOnlyList<string> LeftOut,
    bool Incremental,
    int PagesRendered);

/// <summary>
/// The one import service (start-up, the content watcher, the store guard and the CLI all call it). Each import
/// parses and validates the content, writes it in one transaction into a new store file of its own, loads the
/// article directory from that file and publishes the whole as a new <see cref="PublishedSite"/>. An incremental
/// import (<see cref="ImportChangesAsync(CancellationToken)"/>) renders only what changed and what depends on it, into a copy of the
/// published store; it falls back to a full import whenever the state it starts from is in doubt. No file a live
/// request reads is ever replaced: <c>Guide:DatabasePath</c> becomes a link to the newest file, for tools and for the
/// next start-up's last good versions.
/// </summary>
/// <param name="serves">
/// False for the import verb, which writes the store and serves nothing from its process: English search's in-memory
/// word index is not built (the server builds its own when it publishes the store), and SQLite may use more memory
/// to write the store faster.
/// </param>
public sealed partial class GuideImporter(
    StoreLocation location, SitePublisher publisher, TimeProvider clock, ILogger<GuideImporter> logger, bool serves = true) : IDisposable
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private int version;

    /// <summary>What the last import read, and the store it wrote; null when the next import must read everything.</summary>
    private (ContentState State, string StorePath)? last;

    /// <summary>Whether to keep a spare copy of the published store (see <see cref="KeepSpareCopyAsync"/>).</summary>
    private bool keepSpare;

    /// <summary>The store being copied to the spare file, and the copy (false when it failed).</summary>
    private (string Source, Task<bool> Copied)? spare;

    /// <summary>
    /// Raised after each import, once its parsed content is garbage: for the host, which owns the process's memory
    /// policy (this library sets none).
    /// </summary>
    public event Action? Imported;

    /// <summary>Imports the whole content folder and publishes it; concurrent calls wait their turn, so imports never overlap.</summary>
    public Task<ImportSummary> ImportAsync(CancellationToken cancellationToken) => ImportAsync(incremental: false, null, cancellationToken);

    /// <summary>
    /// Imports what changed since the last import and publishes it: the same site a full import would publish. Reads
    /// everything when there was no earlier import in this process, or when the published store is not the one it wrote.
    /// </summary>
    public Task<ImportSummary> ImportChangesAsync(CancellationToken cancellationToken) => ImportAsync(incremental: true, null, cancellationToken);

    /// <summary>
    /// As <see cref="ImportChangesAsync(CancellationToken)"/>, told which files changed since the last import of this
    /// importer began (all of them, full paths, as a file-system watcher reports them), so that it need not list and
    /// stamp every article file: see <see cref="ContentLoader.Import"/>.
    /// </summary>
    public Task<ImportSummary> ImportChangesAsync(IReadOnlyCollection<string> changedPaths, CancellationToken cancellationToken) =>
        ImportAsync(incremental: true, changedPaths, cancellationToken);

    private async Task<ImportSummary> ImportAsync(bool incremental, IReadOnlyCollection<string>? changedPaths, CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var since = last;
            if (since is not null && (!incremental || publisher.Current?.StorePath != since.Value.StorePath || !File.Exists(since.Value.StorePath)))
            {
                since = null;
            }

            // Until this import succeeds, nothing is known about the store the next one will start from.
            last = null;
            var (summary, phases) = await ImportNowAsync(since, changedPaths, cancellationToken);
            var handling = clock.GetTimestamp();
            Imported?.Invoke();
            LogImported(summary, phases, clock.GetElapsedTime(handling).TotalMilliseconds);
            return summary;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    /// <summary>
    /// From now on, keeps a copy of the published store made in the background after each import, for the next
    /// incremental import to write into instead of copying the store while an editor waits (a second store's worth of
    /// disk: about 200 MB at 10,000 articles). For the running site, which imports saved edits; one-off imports don't.
    /// </summary>
    public async Task KeepSpareCopyAsync(CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            keepSpare = true;
            if (last is { StorePath: var store } && publisher.Current?.StorePath == store)
            {
                CopySpare(store);
            }
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    public void Dispose()
    {
        // The spare file is of no use to the next process; a copy still being made is waited for, so the folder can go.
        if (spare is { Copied: var copied })
        {
            copied.Wait();
            Delete(SparePath);
        }

        oneAtATime.Dispose();
    }

    private string SparePath => Path.GetFullPath(location.DatabasePath) + ".spare";

    /// <summary>Copies <paramref name="store"/> to the spare file in the background, once any earlier copy is over.</summary>
    private void CopySpare(string store)
    {
        var earlier = spare?.Copied ?? Task.FromResult(false);
        var path = SparePath;
        spare = (store, Task.Run(async () =>
        {
            await earlier.ConfigureAwait(false);
            try
            {
                File.Copy(store, path, overwrite: true);
                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The next incremental import copies the store itself, as it would without a spare.
                LogSpareFailed(path, ex.Message);
                return false;
            }
        }));
    }

    /// <summary>The building file for an incremental import from <paramref name="store"/>: the spare copy when it is of that store, else a new copy.</summary>
    private async Task CopyForUpdateAsync(string store, string building)
    {
        if (spare is ({ } source, var copied) && source == store && await copied)
        {
            spare = null;
            File.Move(SparePath, building);
            return;
        }

        File.Copy(store, building);
    }

    /// <summary>The failures an import can meet from the disk or the store (the content's own problems are reported, not thrown).</summary>
    public static bool IsStoreFailure(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or SqliteException;

    /// <summary>Milliseconds spent in each phase of an import besides reading the content (<see cref="ContentUpdate.Timings"/>).</summary>
    /// <param name="Copy">Copying the published store (incremental); nothing for a full import, which makes the new schema while it reads.</param>
    /// <param name="Store">Writing the rows, in one transaction (a full import writes the articles while it reads: here, those still waiting and the rest).</param>
    /// <param name="Directory">Building the new site's in-memory article directory.</param>
    /// <param name="Publish">Pointing the link at the new store and swapping the published site.</param>
    private sealed record ImportPhases(ReadTimings Read, double ReadTotal, double Copy, double Store, double Directory, double Publish);

    private async Task<(ImportSummary Summary, ImportPhases Phases)> ImportNowAsync(
        (ContentState State, string StorePath)? since, IReadOnlyCollection<string>? changedPaths, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var phase = started;
        double Lap()
        {
            var now = clock.GetTimestamp();
            var elapsed = clock.GetElapsedTime(phase, now).TotalMilliseconds;
            phase = now;
            return elapsed;
        }

        var link = Path.GetFullPath(location.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        var number = version + 1;
        var storePath = VersionPath(link, clock.GetUtcNow(), number);
        var building = link + ".building"; // one import at a time, and one process per store folder
        File.Delete(building);

        // Creating the empty schema (EF builds its model the first time) overlaps with reading the content, and a full
        // import writes each page into it as soon as the page is rendered.
        var schema = since is null ? Task.Run(() => CreateSchemaAsync(building, cancellationToken), cancellationToken) : null;
        using var streamed = schema is null ? null : new FullStoreWriter(building, schema, largeCache: !serves);
        ContentUpdate update;
        using (var previous = new PreviousStore(publisher.Current?.StorePath ?? link))
        {
            update = ContentLoader.Import(location.ContentPath, clock, previous.FileText, since?.State, changedPaths, streamed);
        }

        var content = update.Content;
        var readMs = Lap();

        // After an edit, the log says what is new; the editor dashboard lists every problem.
        var known = update.Incremental ? publisher.Current?.Summary.Problems.ToHashSet() : null;
        foreach (var problem in content.Problems.Where(p => known?.Contains(p) != true))
        {
            logger.LogWarning("Content {Severity} at {Path}:{Line}:{Column}: {Message}",
                problem.IsError ? "error" : "warning", problem.Path, problem.Line, problem.Column, problem.Message);
        }

        double copyMs;
        IReadOnlyCollection<int>? rewritten = null;
        if (update.Incremental)
        {
            // The copy shares nothing with the live file, which requests go on reading while this one is changed.
            await CopyForUpdateAsync(since!.Value.StorePath, building);
            copyMs = Lap();
            rewritten = await UpdateRowsAsync(building, update, cancellationToken);
        }
        else
        {
            // Rows are written through prepared statements rather than EF change tracking: at 10,000 articles and
            // hundreds of thousands of links the difference is seconds. The schema itself is EF's, so reads stay typed.
            using var writer = streamed is null ? new FullStoreWriter(building, CreateSchemaAsync(building, cancellationToken), largeCache: !serves) : null;
            copyMs = Lap();
            await (streamed ?? writer!).FinishAsync(content);
        }

        File.Move(building, storePath);
        var storeMs = Lap();

        ArticleDirectorySnapshot directory;
        await using (var db = new GuideDbContext(new DbContextOptionsBuilder<GuideDbContext>()
                         .UseSqlite(PublishedSite.ReadOnly(storePath)).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options))
        {
            // An incremental import starts from the published store (checked above), so from its directory too.
            directory = rewritten is not null && publisher.Current is { } published
                ? await ArticleDirectory.UpdateAsync(published.Directory, db, rewritten, cancellationToken)
                : await ArticleDirectory.LoadAsync(db, withWordIndex: serves, cancellationToken);
        }

        var directoryMs = Lap();
        var totals = update.Totals;
        var summary = new ImportSummary(clock.GetUtcNow(), (long)clock.GetElapsedTime(started).TotalMilliseconds, totals.Articles, totals.Drafts, totals.Links,
            totals.Citations, content.ErrorCount, content.WarningCount, content.Problems, content.KeptPreviousVersions, content.LeftOut, update.Incremental, update.Rendered);
        version = number;
        var isFirst = publisher.Current is null;
        // The link moves first, so it never names a replaced store that its last request has just deleted.
        PointLinkAt(link, storePath);
        publisher.Publish(new PublishedSite(number, storePath, summary, directory, Drop));
        last = update.State is { } state ? (state, storePath) : null;
        if (isFirst)
        {
            RemoveEarlierStores(link, storePath);
        }

        if (keepSpare && last is not null)
        {
            CopySpare(storePath);
        }

        return (summary, new ImportPhases(update.Timings, readMs, copyMs, storeMs, directoryMs, Lap()));
    }

    /// <summary>One event per import, with the time of each phase, so a slow edit shows where its time went.</summary>
    /// <param name="handlersMs">The host's <see cref="Imported"/> handlers, after publishing.</param>
    private void LogImported(ImportSummary summary, ImportPhases phases, double handlersMs)
    {
        var read = phases.Read;
        logger.LogInformation(
            "Imported {Articles} articles, {Links} links and {Citations} citations from {ContentPath} in {ElapsedMs} ms " +
            "(read {ReadMs:F0} ms: site files {SiteFilesMs:F0}, stamps and changed files {StampsMs:F0}, dependents {DependentsMs:F0}, " +
            "resolve {ResolveMs:F0}, Spanish {SpanishMs:F0}, report {ReportMs:F0}; copy {CopyMs:F0} ms, stored {StoredMs:F0} ms, " +
            "directory {DirectoryMs:F0} ms, publish {PublishMs:F0} ms, then the Imported handlers {HandlersMs:F0} ms; " +
            "{Rendered} rendered, incremental: {Incremental}; {Errors} errors, {Warnings} warnings)",
            summary.Articles, summary.Links, summary.Citations, location.ContentPath, summary.ElapsedMilliseconds,
            phases.ReadTotal, read.SiteFiles, read.Stamps, read.Dependents, read.Resolve, read.Spanish, read.Report,
            phases.Copy, phases.Store, phases.Directory, phases.Publish, handlersMs,
            summary.PagesRendered, summary.Incremental, summary.Errors, summary.Warnings);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not make the spare copy {Path} of the store: {Reason}")]
    private partial void LogSpareFailed(string path, string reason);

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

    /// <summary>
    /// Applies an incremental import to a copy of the previous store: the rows of every page rendered again or gone
    /// are deleted and the rendered pages inserted. A page keeps its id while its slug lives, so the rows of the pages
    /// left alone (links to it among them) stay right; a new slug takes the next id.
    /// </summary>
    /// <returns>The ids of the pages whose rows were deleted or written.</returns>
    private static async Task<IReadOnlyCollection<int>> UpdateRowsAsync(string path, ContentUpdate update, CancellationToken cancellationToken)
    {
        // Without foreign keys: deleting a page that is rendered again must not cascade to the links other pages make to it.
        await using var connection = await OpenAsync(path, cancellationToken, foreignKeys: false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT Slug, Id FROM articles";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        var replaced = update.Removed.Concat(update.Content.Articles.Select(a => a.Slug))
            .Where(ids.ContainsKey).Select(slug => ids[slug]).ToList();

        // The spelling vocabulary counts words over the whole site: take out the words of the replaced pages' search
        // entries (read before they are deleted) and add those of the pages rendered again.
        var vocabularyBefore = await SearchIndex.CountIndexedWordsAsync(connection, transaction, replaced, cancellationToken);
        string[] deletes =
        [
            "DELETE FROM article_search WHERE rowid = $id", "DELETE FROM links WHERE FromArticleId = $id",
            "DELETE FROM citations WHERE ArticleId = $id", "DELETE FROM aliases WHERE ArticleId = $id", "DELETE FROM codes WHERE ArticleId = $id",
            "DELETE FROM article_signs WHERE ArticleId = $id", "DELETE FROM article_changes WHERE ArticleId = $id", "DELETE FROM articles WHERE Id = $id",
        ];
        foreach (var sql in deletes)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            var id = command.Parameters.Add(new SqliteParameter("$id", 0));
            await command.PrepareAsync(cancellationToken);
            foreach (var replacedId in replaced)
            {
                id.Value = replacedId;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        foreach (var slug in update.Removed)
        {
            ids.Remove(slug);
        }

        var next = ids.Count == 0 ? 1 : ids.Values.Max() + 1;
        foreach (var article in update.Content.Articles.Where(a => !ids.ContainsKey(a.Slug)))
        {
            ids[article.Slug] = next++;
        }

        using (var rows = new ArticleRows(connection, transaction))
        {
            foreach (var article in update.Content.Articles)
            {
                rows.Insert(article, ids);
            }
        }

        await SearchIndex.UpdateVocabularyAsync(connection, transaction, vocabularyBefore, update.Content.Articles.Where(a => !a.Meta.Draft), cancellationToken);
        SpanishRows.Write(connection, transaction, update.Content.Spanish);
        await transaction.CommitAsync(cancellationToken);
        return [.. replaced.Concat(update.Content.Articles.Select(a => ids[a.Slug])).Distinct()];
    }

    private static async Task<SqliteConnection> OpenAsync(string path, CancellationToken cancellationToken, bool? foreignKeys = null)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, ForeignKeys = foreignKeys }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
