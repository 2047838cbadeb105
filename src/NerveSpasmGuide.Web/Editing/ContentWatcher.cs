using System.Globalization;
using System.Threading.Channels;
using NerveSpasmGuide.Data.Import;

namespace NerveSpasmGuide.Web.Editing;

/// <summary>
/// Re-imports when anything in the content folder changes. Saves are debounced: a burst of events causes one
/// import once no event has arrived for <see cref="Quiet"/> (or after <see cref="MaxDelay"/> of a steady stream), and
/// imports never overlap; an event that arrives while an import runs causes one more import after it, so a burst
/// longer than the quiet time (a git checkout) costs an extra import, never a missed file. A change imports
/// incrementally, told the files the events named, so it reads those and not the stamps of every file; when the
/// names cannot be trusted to be all (the first import after start-up, a folder created, deleted or renamed, an
/// import that failed, very many names) it compares every file's stamp with what it last read, and a deleted store or
/// a watcher that lost events imports everything.
/// </summary>
internal sealed partial class ContentWatcher(StoreLocation location, GuideImporter importer, TimeProvider clock, ILogger<ContentWatcher> logger) : BackgroundService
{
    /// <summary>
    /// An editor's save is one write, or a write and a rename, within a millisecond or two; this only has to outlast
    /// that. (It was 150 ms, and in effect 150 or 300: it counted quiet periods from the last signal it took, not from
    /// the last event, so a second event of the same save, landing just after, cost a second period.)
    /// </summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(600);

    /// <summary>Beyond this many changed files, listing and stamping them all is as quick as naming them.</summary>
    private const int MaxNamedPaths = 1_000;

    private readonly Lock pathsGate = new();

    /// <summary>Every path events named since the current import began; null when they may not be all (see above).</summary>
    private HashSet<string>? changedPaths;

    private readonly Channel<bool> changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private int fullImportNeeded;

    /// <summary>The time stamps of the first change not yet imported (0: none) and of the latest, and how many events have come since.</summary>
    private long firstEventAt;
    private long lastEventAt;
    private int eventCount;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watcher = new FileSystemWatcher(location.ContentPath)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;
        watcher.Error += (_, e) =>
        {
            LogWatcherError(e.GetException().Message);
            RequestFullImport();
        };
        watcher.EnableRaisingEvents = true;

        // Saved edits import incrementally into a copy of the published store: have it ready before the edit.
        await importer.KeepSpareCopyAsync(stoppingToken);

        // The store is derived data: if someone deletes it, build it again rather than wait for a failing request.
        using var storeWatcher = new FileSystemWatcher(Path.GetDirectoryName(location.DatabasePath)!, Path.GetFileName(location.DatabasePath));
        storeWatcher.Deleted += (_, _) =>
        {
            LogStoreDeleted(location.DatabasePath);
            RequestFullImport();
        };
        storeWatcher.EnableRaisingEvents = true;

        while (await changes.Reader.WaitToReadAsync(stoppingToken))
        {
            await SettleAsync(stoppingToken);
            var importing = clock.GetTimestamp();
            var firstEvent = Interlocked.Exchange(ref firstEventAt, 0);
            var events = Interlocked.Exchange(ref eventCount, 0);
            HashSet<string>? named;
            lock (pathsGate)
            {
                (named, changedPaths) = (changedPaths, []);
            }

            try
            {
                var summary = await (Interlocked.Exchange(ref fullImportNeeded, 0) == 1 ? importer.ImportAsync(stoppingToken)
                    : named is null ? importer.ImportChangesAsync(stoppingToken)
                    : importer.ImportChangesAsync(named, stoppingToken));

                // Timed from the first event of the burst: what an editor waits between saving and seeing the page.
                var waited = clock.GetElapsedTime(firstEvent == 0 ? importing : firstEvent, importing).TotalMilliseconds;
                LogChangePublished(waited + summary.ElapsedMilliseconds, events, named?.Count.ToString(CultureInfo.InvariantCulture) ?? "not known",
                    waited, summary.ElapsedMilliseconds, waited + clock.GetElapsedTime(importing).TotalMilliseconds);
            }
            catch (Exception ex) when (GuideImporter.IsStoreFailure(ex))
            {
                lock (pathsGate)
                {
                    // The next import starts from the last one that succeeded: the names it was given are not enough.
                    changedPaths = null;
                }

                // The previous store stays live; the next change tries again.
                LogImportFailed(ex.Message);
            }
        }
    }

    private void RequestFullImport()
    {
        Volatile.Write(ref fullImportNeeded, 1);
        changes.Writer.TryWrite(true);
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        Remember(e.FullPath, e.ChangeType);
        if (e is RenamedEventArgs renamed)
        {
            Remember(renamed.OldFullPath, e.ChangeType);
        }

        if (IsContentFile(e.FullPath) || e.ChangeType is WatcherChangeTypes.Deleted or WatcherChangeTypes.Renamed)
        {
            var now = clock.GetTimestamp();
            Interlocked.CompareExchange(ref firstEventAt, now, 0);
            Volatile.Write(ref lastEventAt, now);
            Interlocked.Increment(ref eventCount);
            changes.Writer.TryWrite(true);
        }
    }

    /// <summary>Waits until no change has arrived for <see cref="Quiet"/>, or <see cref="MaxDelay"/> at most.</summary>
    private async Task SettleAsync(CancellationToken stoppingToken)
    {
        var started = clock.GetTimestamp();
        while (true)
        {
            // Taken before looking at the time: an event after this either counts below or signals the next import.
            changes.Reader.TryRead(out _);
            var sinceLast = clock.GetElapsedTime(Volatile.Read(ref lastEventAt));
            if (sinceLast >= Quiet || clock.GetElapsedTime(started) >= MaxDelay)
            {
                return;
            }

            await Task.Delay(Quiet - sinceLast, clock, stoppingToken);
        }
    }

    /// <summary>Adds a path to the names for the next import; a folder's creation, deletion or renaming says nothing of its files.</summary>
    private void Remember(string path, WatcherChangeTypes change)
    {
        var folder = !Path.HasExtension(path);
        if (folder && change == WatcherChangeTypes.Changed)
        {
            return;
        }

        lock (pathsGate)
        {
            if (folder || changedPaths?.Count >= MaxNamedPaths)
            {
                changedPaths = null;
            }
            else
            {
                changedPaths?.Add(path);
            }
        }
    }

    private static bool IsContentFile(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content watcher error: {Reason}; re-importing")]
    private partial void LogWatcherError(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store {Path} was deleted; rebuilding it from content")]
    private partial void LogStoreDeleted(string path);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Content change published {PublishedMs:F0} ms after its first event ({Events} events, files named: {Named}; waited {WaitedMs:F0} ms for quiet, " +
                  "imported in {ImportMs} ms, done after {DoneMs:F0} ms)")]
    private partial void LogChangePublished(double publishedMs, int events, string named, double waitedMs, long importMs, double doneMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-import failed, the previous version stays live: {Reason}")]
    private partial void LogImportFailed(string reason);
}
