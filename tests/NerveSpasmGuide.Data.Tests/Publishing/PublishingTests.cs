using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NerveSpasmGuide.Data.Import;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Store;
using NerveSpasmGuide.TestSupport;

namespace NerveSpasmGuide.Data.Tests.Publishing;

/// <summary>The import service and the published site, without HTTP: each test has its own content and data folder.</summary>
public sealed class PublishingTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "nsg-data-" + Guid.NewGuid().ToString("N"));
    private readonly SitePublisher publisher = new();
    private readonly GuideImporter importer;

    public PublishingTests()
    {
        Location = new StoreLocation(Path.Combine(root, "content"), Path.Combine(root, "data", "guide.db"));
        importer = new GuideImporter(Location, publisher, TimeProvider.System, NullLogger<GuideImporter>.Instance);
        Write("sources.yaml", SampleContent.Sources);
        Write("warning-signs.yaml", """
            signs:
              - id: legs-weak
                level: emergency
                group: Back pain
                text: Both legs suddenly weak
                cite: [smith2020]
                home: true
            """);
        WriteArticle("Version 0");
        Write("guides/b.md", Article("B", "Back to [[a]] [@smith2020]."));
    }

    private StoreLocation Location { get; }

    [Fact]
    public async Task ARequestNeverSeesTwoVersionsWhileImportsPublish()
    {
        await importer.ImportAsync(CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var samples = 0;
        var imports = Task.Run(async () =>
        {
            for (var i = 1; i <= 12; i++)
            {
                WriteArticle($"Version {i}");
                await importer.ImportAsync(CancellationToken.None);
                // Let the reader take a few requests of each version, however slow the machine (its first request
                // builds EF's model), so the versions overlap the reads by design rather than by timing.
                var until = Volatile.Read(ref samples) + 2;
                for (var wait = 0; Volatile.Read(ref samples) < until && wait < 1000; wait++)
                {
                    await Task.Delay(5);
                }
            }

            await stop.CancelAsync();
        });

        var seen = new HashSet<int>();
        while (!stop.IsCancellationRequested)
        {
            // One "request": it leases the site once, then reads the store and the in-memory directory, with a pause between.
            using var lease = publisher.Lease();
            var inMemory = lease.Site.Directory.BySlug["a"].Title;
            await Task.Delay(3);
            await using var db = Open(lease.Site.ConnectionString);
            var stored = await db.Articles.Where(a => a.Slug == "a").Select(a => a.Title).SingleAsync();

            Assert.Equal(inMemory, stored);
            Assert.Equal($"Version {lease.Site.Version - 1}", stored);
            seen.Add(lease.Site.Version);
            Interlocked.Increment(ref samples);
        }

        await imports;
        Assert.True(seen.Count >= 3, $"only saw versions {string.Join(", ", seen)} in {samples} requests: the test did not overlap the imports");
    }

    [Fact]
    public async Task AReplacedSiteIsDroppedWhenItsLastRequestEnds()
    {
        await importer.ImportAsync(CancellationToken.None);
        var lease = publisher.Lease();
        var first = lease.Site;

        await importer.ImportAsync(CancellationToken.None);

        Assert.NotSame(first, publisher.Current);
        Assert.True(File.Exists(first.StorePath), "a site a request still uses must keep its store");
        await using (var db = Open(first.ConnectionString))
        {
            Assert.Equal("Version 0", await db.Articles.Where(a => a.Slug == "a").Select(a => a.Title).SingleAsync());
        }

        // Two searches at once, so the site keeps two snippet readers open.
        var id = first.Directory.ById.Single(page => page.Value.Slug == "a").Key;
        var pooled = OpenHandles(first.StorePath);
        var part = first.BodyParts.Read(outer => (outer.Read(id, 0, 4), first.BodyParts.Read(inner => inner.Read(id, 0, 4))));
        Assert.Equal(pooled + 2, OpenHandles(first.StorePath));
        Assert.Equal(part.Item1, part.Item2);
        Assert.False(string.IsNullOrEmpty(part.Item1));

        lease.Dispose();
        Assert.False(File.Exists(first.StorePath), "the replaced store should be deleted once no request uses it");
        Assert.Equal(0, OpenHandles(first.StorePath));
        Assert.True(File.Exists(publisher.Current!.StorePath));
        Assert.Throws<ObjectDisposedException>(() => { _ = first.BodyParts.Read(reader => reader.Read(id, 0, 4)); });
    }

    /// <summary>This process's open files that are the store (Linux names a deleted one with " (deleted)").</summary>
    private static int OpenHandles(string storePath) =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Count(fd => fd.LinkTarget is { } target && (target == storePath || target == storePath + " (deleted)"));

    [Fact]
    public async Task DatabasePathLinksToTheNewestStoreAndEarlierRunsStoresAreRemoved()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Location.DatabasePath)!);
        var leftOver = Path.Combine(Path.GetDirectoryName(Location.DatabasePath)!, "guide.20200101T000000000-1.db");
        await File.WriteAllTextAsync(leftOver, "from an earlier run");

        await importer.ImportAsync(CancellationToken.None);
        await importer.ImportAsync(CancellationToken.None);

        var current = publisher.Current!;
        Assert.Equal(2, current.Version);
        Assert.Equal(current.StorePath, File.ResolveLinkTarget(Location.DatabasePath, returnFinalTarget: true)!.FullName);
        Assert.False(File.Exists(leftOver));
        Assert.Equal([Path.GetFileName(current.StorePath), "guide.db"],
            Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(Location.DatabasePath)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheStoreKeepsTheWarningSignTableAndWhichPagesShowEachSign()
    {
        WriteArticle("Version 0", "\n\n::: emergency legs-weak\n:::\n");
        await importer.ImportAsync(CancellationToken.None);
        await using var db = Open(publisher.Current!.ConnectionString);

        var sign = await db.WarningSigns.SingleAsync();
        Assert.Equal(("legs-weak", "emergency", "Both legs suddenly weak", true), (sign.Id, sign.Level, sign.Text, sign.OnHome));
        Assert.Equal(["smith2020"], sign.SourceKeys);
        Assert.Equal(["a"], await db.ArticleSigns.Where(s => s.SignId == "legs-weak").Select(s => s.Article!.Slug).ToListAsync());
        Assert.Equal("legs-weak", Assert.Single(publisher.Current.Directory.WarningSigns.HomeSigns).Id);
    }

    [Fact]
    public void LeasingBeforeTheFirstImportSaysSo() => Assert.Throws<SiteNotPublishedException>(() => publisher.Lease());

    public void Dispose()
    {
        importer.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    private static GuideDbContext Open(string connectionString) =>
        new(new DbContextOptionsBuilder<GuideDbContext>().UseSqlite(connectionString).Options);

    private void WriteArticle(string title, string extra = "") => Write("guides/a.md", Article(title, "Some text [@smith2020]. See [[b]]." + extra));

    private static string Article(string title, string body) =>
        $"---\ntitle: {title}\nsummary: About {title}.\nlast_reviewed: 2026-11-01\nnext_review: 2029-11-01\n---\n\n{body}\n";

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(Location.ContentPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
