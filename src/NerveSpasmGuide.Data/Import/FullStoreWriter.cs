using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Loading;
using NerveSpasmGuide.Data.Search;

namespace NerveSpasmGuide.Data.Import;

/// <summary>
/// Writes a full import into a new store, in one transaction, while the articles are still rendering: each page's rows
/// go in as soon as it is ready, so the import holds only the pages waiting their turn, never every rendered page. One
/// thread writes (SQLite has one writer); renderers wait when it falls behind.
/// </summary>
/// <param name="path">The new store file, which exists with its schema once <paramref name="schema"/> completes.</param>
/// <param name="largeCache">
/// Gives SQLite a page cache of <see cref="CacheKilobytes"/> (about 10% faster at 10,000 articles), for a process that
/// imports and ends. A server does not: the freed cache stays in its heap (measured: 35 MB more resident after start-up).
/// </param>
internal sealed class FullStoreWriter(string path, Task schema, bool largeCache) : IRenderedArticleSink, IDisposable
{
    /// <summary>A few pages per renderer: enough that neither side waits on the other for long.</summary>
    private const int QueueLength = 64;

    /// <summary>SQLite's page cache while the store is written, when it may be large: 32 MB, a tenth of a 10,000-article store.</summary>
    private const int CacheKilobytes = 32 * 1024;

    /// <summary>Each page with the words it adds to the spelling vocabulary, counted by the renderer that hands it over.</summary>
    private readonly BlockingCollection<(Article Article, Dictionary<string, int>? Words)> queue = new(QueueLength);

    /// <summary>Cancelled when the writer fails, so that no renderer waits for it any longer.</summary>
    private readonly CancellationTokenSource failed = new();

    private readonly Dictionary<string, int> words = new(StringComparer.Ordinal);
    private Dictionary<string, int> ids = [];
    private Task<(SqliteConnection Connection, SqliteTransaction Transaction)>? writing;

    /// <summary>Numbers the pages 1, 2, 3… in the order given, and starts writing.</summary>
    public void Start(IReadOnlyList<string> slugs)
    {
        ids = slugs.Select((slug, i) => (slug, Id: i + 1)).ToDictionary(x => x.slug, x => x.Id, StringComparer.Ordinal);
        // A thread of its own: the renderers block the thread pool's threads while they wait for it.
        writing = Task.Factory.StartNew(WriteArticles, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Add(Article article)
    {
        try
        {
            // Counting the words was the writer's biggest share of work besides SQLite's; the renderers do it side by side.
            var counted = article.Meta.Draft ? null : SearchIndex.CountWords(article);
            queue.Add((article, counted), failed.Token);
        }
        catch (OperationCanceledException)
        {
            // The writer failed: FinishAsync throws its exception once the rendering is over.
        }
    }

    private (SqliteConnection, SqliteTransaction) WriteArticles()
    {
        SqliteConnection? connection = null;
        try
        {
            schema.GetAwaiter().GetResult();
            connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            if (largeCache)
            {
                using var cache = connection.CreateCommand();
                // Pages of eight tables and their indexes are written side by side: with SQLite's default 2 MB cache
                // they leave and come back through the file all the time (at 10,000 articles, about 10% of the import).
                cache.CommandText = $"PRAGMA cache_size = -{CacheKilobytes}";
                cache.ExecuteNonQuery();
            }

            var transaction = connection.BeginTransaction();
            using (var defer = connection.CreateCommand())
            {
                // The sources and warning signs the pages cite are written after the pages (FinishAsync): foreign
                // keys are checked at the commit instead of at each row.
                defer.Transaction = transaction;
                defer.CommandText = "PRAGMA defer_foreign_keys = ON";
                defer.ExecuteNonQuery();
            }

            using var rows = new ArticleRows(connection, transaction);
            foreach (var (article, counted) in queue.GetConsumingEnumerable())
            {
                rows.Insert(article, ids);
                foreach (var (word, count) in counted ?? [])
                {
                    words[word] = words.GetValueOrDefault(word) + count;
                }
            }

            return (connection, transaction);
        }
        catch
        {
            failed.Cancel();
            connection?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Once the content is read: writes every row besides the articles' (all of <paramref name="content"/>'s articles
    /// too, when none came through <see cref="Add"/>), and commits.
    /// </summary>
    public async Task FinishAsync(ContentSet content)
    {
        if (writing is null)
        {
            Start([.. content.Articles.Select(a => a.Slug)]);
            foreach (var article in content.Articles)
            {
                Add(article);
            }
        }

        queue.CompleteAdding();
        var (connection, transaction) = await writing!;
        await using (connection)
        await using (transaction)
        {
            PreparedInsert.All(connection, transaction, "sources", ["Key", "Type", "Authors", "Title", "Container", "Year", "Volume", "Pages", "Doi", "Url"],
                content.Sources.Select(s => new object?[] { s.Key, s.Type, s.Authors, s.Title, s.Container, s.Year, s.Volume, s.Pages, s.Doi, s.Url }));
            PreparedInsert.All(connection, transaction, "synonyms", ["Term", "Slugs"],
                content.Synonyms.Select(s => new object?[] { s.Term, JsonSerializer.Serialize(s.Slugs) }));
            PreparedInsert.All(connection, transaction, "retired", ["Slug", "Reason", "SuggestedSlug"],
                content.Retired.DistinctBy(r => r.Slug).Select(r => new object?[] { r.Slug, r.Reason, r.Suggested }));
            PreparedInsert.All(connection, transaction, "warning_signs", ["Id", "Position", "Level", "GroupName", "Text", "SourceKeys", "OnHome"],
                content.WarningSigns.Signs.Select((s, i) => new object?[] { s.Id, i, s.Level.Name, s.Group, s.Text, JsonSerializer.Serialize(s.SourceKeys), s.OnHome }));
            PreparedInsert.All(connection, transaction, "media", ["Name", "Text"], content.Media.Select(m => new object?[] { m.Name, m.Text }));
            SearchIndex.WriteVocabulary(connection, transaction, words, content.Synonyms.Select(s => s.Term));
            SpanishRows.Write(connection, transaction, content.Spanish);
            await transaction.CommitAsync();
        }
    }

    /// <summary>Ends the writer if <see cref="FinishAsync"/> never ran (the import failed): nothing is committed.</summary>
    public void Dispose()
    {
        queue.CompleteAdding();
        if (writing is not null)
        {
            try
            {
                var (connection, transaction) = writing.GetAwaiter().GetResult();
                transaction.Dispose();
                connection.Dispose();
            }
            catch (Exception ex) when (GuideImporter.IsStoreFailure(ex))
            {
                // The import has failed already and says why: this is the writer's share of the same failure.
            }
        }

        queue.Dispose();
        failed.Dispose();
    }
}
