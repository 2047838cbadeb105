using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NerveSpasmGuide.Data.Durable;
using NerveSpasmGuide.Data.Feedback;

namespace NerveSpasmGuide.Data.Tests.Feedback;

public sealed class FeedbackStoreTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "nsg-feedback-store-" + Guid.NewGuid().ToString("N"));

    public FeedbackStoreTests() => Directory.CreateDirectory(folder);

    private string StorePath => Path.Combine(folder, "feedback.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task AMigrationAppliedToAnOlderStoreKeepsItsRows()
    {
        var contexts = new Contexts(StorePath);
        string first;
        await using (var db = contexts.CreateDbContext())
        {
            first = db.Database.GetMigrations().First();
            await db.GetService<IMigrator>().MigrateAsync(first);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO feedback (ArticleSlug, Helpful, Comment, ReceivedAtUtc) VALUES ('sciatica', 0, 'written before moderation', '2026-01-05 10:00:00'), ('muscle-spasms', 1, NULL, '2026-01-06 11:00:00')");
        }

        MigrationOutcome outcome;
        await using (var db = contexts.CreateDbContext())
        {
            outcome = await DurableStores.MigrateAsync(db, StorePath, CancellationToken.None);
        }

        var rows = await RowsAsync(contexts);
        Assert.Equal([first], outcome.AlreadyApplied);
        Assert.Single(outcome.Applied, m => m.EndsWith("_Moderation", StringComparison.Ordinal));
        Assert.Equal([("sciatica", false, "written before moderation", false), ("muscle-spasms", true, null, false)],
            rows.Select(r => (r.ArticleSlug, r.Helpful, r.Comment, r.Hidden)));
        Assert.Equal(new DateTime(2026, 1, 5, 10, 0, 0), rows[0].ReceivedAtUtc);

        // The copy taken before the migration holds the old schema and the rows.
        Assert.Equal($"{StorePath}.before-{outcome.Applied[0]}.bak", outcome.BackupPath);
        Assert.Equal(2L, Scalar(outcome.BackupPath!, "SELECT count(*) FROM feedback"));
        Assert.Equal(0L, Scalar(outcome.BackupPath!, "SELECT count(*) FROM pragma_table_info('feedback') WHERE name = 'Hidden'"));
    }

    [Fact]
    public async Task ABackupMadeWithVacuumIntoRestoresEveryRow()
    {
        var contexts = new Contexts(StorePath);
        await MigrateAsync(contexts);
        using var store = new FeedbackStore(contexts, TimeProvider.System);
        var hidden = await store.RecordAsync(new FeedbackAnswer("sciatica", false, "kept through the backup"), CancellationToken.None);
        await store.RecordAsync(new FeedbackAnswer("sciatica", true, null), CancellationToken.None);
        await store.ModerateAsync(hidden, ModerationAction.Hide, "editor (session test)", CancellationToken.None);

        var backup = Path.Combine(folder, "backups", "feedback-2026-12-02.db");
        Directory.CreateDirectory(Path.GetDirectoryName(backup)!);
        await DurableStores.BackupAsync(StorePath, backup, CancellationToken.None);

        // The store is lost (with its write-ahead log); the backup is copied back into its place.
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(folder, "feedback.db*"))
        {
            File.Delete(file);
        }

        File.Copy(backup, StorePath);
        var restored = new Contexts(StorePath);
        var outcome = await MigrateAsync(restored);
        var rows = await RowsAsync(restored);
        await using var db = restored.CreateDbContext();

        Assert.Empty(outcome.Applied);
        Assert.Equal([("kept through the backup", true), (null, false)], rows.Select(r => (r.Comment, r.Hidden)));
        Assert.Equal(ModerationAction.Hide, (await db.Moderation.AsNoTracking().SingleAsync()).Action);
    }

    [Fact]
    public async Task TwoHundredConcurrentAnswersAreAllStored()
    {
        var contexts = new Contexts(StorePath);
        await MigrateAsync(contexts);
        using var store = new FeedbackStore(contexts, TimeProvider.System);

        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(() => store.RecordAsync(new FeedbackAnswer("sciatica", i % 2 == 0, $"comment {i}"), CancellationToken.None))));
        var report = await new FeedbackReports(contexts).PerArticleAsync(CancellationToken.None);

        Assert.Equal(200, ids.Distinct().Count());
        var sciatica = Assert.Single(report);
        Assert.Equal((100, 100), (sciatica.Helpful, sciatica.NotHelpful));
        Assert.Equal(FeedbackReports.RecentCommentsPerArticle, sciatica.RecentComments.Count);
        Assert.Equal(ids.Order().TakeLast(FeedbackReports.RecentCommentsPerArticle).Reverse(), sciatica.RecentComments.Select(c => c.Id));
    }

    private static Task<MigrationOutcome> MigrateAsync(Contexts contexts) => contexts.MigrateAsync();

    private static async Task<List<FeedbackRecord>> RowsAsync(Contexts contexts)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Feedback.AsNoTracking().OrderBy(f => f.Id).ToListAsync();
    }

    private static long Scalar(string path, string sql) => Contexts.Scalar(path, sql);
}
