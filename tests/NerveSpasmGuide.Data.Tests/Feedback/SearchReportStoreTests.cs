using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Safety;
using NerveSpasmGuide.Data.Feedback;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Data.Search;

namespace NerveSpasmGuide.Data.Tests.Feedback;

public sealed class SearchReportStoreTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "nsg-search-report-" + Guid.NewGuid().ToString("N"));
    private readonly Clock clock = new() { Now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero) };

    public SearchReportStoreTests() => Directory.CreateDirectory(folder);

    private string StorePath => Path.Combine(folder, "feedback.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task TheSearchReportMigrationKeepsTheRowsOfAStoreAtThePreviousMigration()
    {
        var contexts = new Contexts(StorePath);
        string previous;
        await using (var db = contexts.CreateDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            previous = migrations[migrations.FindIndex(m => m.EndsWith("_SearchReports", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(previous);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO feedback (ArticleSlug, Helpful, Comment, ReceivedAtUtc, Hidden) VALUES ('sciatica', 0, 'kept across the migration', '2026-11-05 10:00:00', 1), ('muscle-spasms', 1, NULL, '2026-11-06 11:00:00', 0);" +
                "INSERT INTO moderation (FeedbackId, Action, Editor, AtUtc) VALUES (1, 'Hide', 'editor (session abc)', '2026-11-07 12:00:00')");
        }

        var outcome = await contexts.MigrateAsync();
        await using var after = contexts.CreateDbContext();
        var rows = await after.Feedback.AsNoTracking().OrderBy(f => f.Id).Select(f => new { f.ArticleSlug, f.Comment, f.Hidden }).ToListAsync();

        Assert.EndsWith("_Moderation", previous, StringComparison.Ordinal);
        Assert.Equal(previous, outcome.AlreadyApplied[^1]);
        Assert.Contains(outcome.Applied, m => m.EndsWith("_SearchReports", StringComparison.Ordinal));
        Assert.Equal([("sciatica", "kept across the migration", true), ("muscle-spasms", null, false)], rows.Select(r => (r.ArticleSlug, r.Comment, r.Hidden)));
        Assert.Equal(ModerationAction.Hide, (await after.Moderation.AsNoTracking().SingleAsync()).Action);
        Assert.Empty(await after.SearchReports.AsNoTracking().ToListAsync());
        Assert.Equal(2L, Contexts.Scalar(outcome.BackupPath!, "SELECT count(*) FROM feedback"));
    }

    [Fact]
    public async Task ARepeatedQueryIsOneRowWithItsCountAndItsFirstAndLastDay()
    {
        var contexts = new Contexts(StorePath);
        await contexts.MigrateAsync();
        using var store = new FeedbackStore(contexts, clock);

        await store.RecordSearchesAsync([(new SearchMiss("glowing toes", SearchOutcome.NothingFound), 2)], 10, CancellationToken.None);
        clock.Now = clock.Now.AddDays(3);
        await store.RecordSearchesAsync([(new SearchMiss("glowing toes", SearchOutcome.OnlyCorrection), 1), (new SearchMiss("sciatca", SearchOutcome.OnlyCorrection), 1)], 10, CancellationToken.None);
        var rows = await new FeedbackReports(contexts).SearchesAsync(CancellationToken.None);

        Assert.Equal(
            [new SearchReportRow("en", "glowing toes", SearchOutcome.OnlyCorrection, 3, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 4)),
             new SearchReportRow("en", "sciatca", SearchOutcome.OnlyCorrection, 1, new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 4))],
            rows);
    }

    [Fact]
    public async Task TheLanguageMigrationKeepsEarlierSearchesAsEnglishOnes()
    {
        var contexts = new Contexts(StorePath);
        string previous;
        await using (var db = contexts.CreateDbContext())
        {
            previous = db.Database.GetMigrations().Single(m => m.EndsWith("_SearchReports", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(previous);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO search_reports (Query, Outcome, Count, FirstSeen, LastSeen) VALUES ('glowing toes', 'NothingFound', 7, '2026-11-30', '2026-12-02')");
        }

        var outcome = await contexts.MigrateAsync();
        using var store = new FeedbackStore(contexts, clock);
        await store.RecordSearchesAsync([(new SearchMiss("glowing toes", SearchOutcome.NothingFound, SearchMiss.Spanish), 1)], 10, CancellationToken.None);
        var rows = await new FeedbackReports(contexts).SearchesAsync(CancellationToken.None);

        Assert.Single(outcome.Applied, m => m.EndsWith("_SearchReportLanguage", StringComparison.Ordinal));
        Assert.Equal(
            [new SearchReportRow("en", "glowing toes", SearchOutcome.NothingFound, 7, new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 2)),
             new SearchReportRow("es", "glowing toes", SearchOutcome.NothingFound, 1, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1))],
            rows);
    }

    [Fact]
    public void ASpanishQueryIsOneRowWithOrWithoutItsAccents() =>
        Assert.Equal(
            new SearchMiss("ciatica rara", SearchOutcome.NothingFound, SearchMiss.Spanish),
            SearchMiss.Of(new SearchResults("Ciática  RARA", false, []), SearchMiss.Spanish));

    [Fact]
    public async Task AFullTableEvictsTheLeastRecentlySeenThenTheLeastSearched()
    {
        var contexts = new Contexts(StorePath);
        await contexts.MigrateAsync();
        using var store = new FeedbackStore(contexts, clock);

        await store.RecordSearchesAsync([(Miss("old popular"), 50), (Miss("old rare"), 1)], 4, CancellationToken.None);
        clock.Now = clock.Now.AddDays(1);
        await store.RecordSearchesAsync([(Miss("new twice"), 2), (Miss("new once"), 1)], 4, CancellationToken.None);
        await store.RecordSearchesAsync([(Miss("newest once"), 1)], 4, CancellationToken.None);
        Assert.Equal(["old popular", "new twice", "new once", "newest once"], await QueriesAsync(contexts));

        // A flood of one-off queries on the same day pushes out the old row and the earlier one-offs, never the query searched twice.
        await store.RecordSearchesAsync([.. Enumerable.Range(0, 20).Select(i => (Miss($"flood {i:00}"), 1))], 4, CancellationToken.None);
        Assert.Equal(["new twice", "flood 17", "flood 18", "flood 19"], await QueriesAsync(contexts));
    }

    [Theory]
    [InlineData("  Sciatica?? \t PAIN\n", "sciatica pain")]
    [InlineData("back-pain, at night", "back pain at night")]
    [InlineData("?!", "")]
    [InlineData(null, "")]
    public void QueriesAreNormalizedAsSearchReadsThem(string? typed, string normalized) =>
        Assert.Equal(normalized, SearchMiss.Normalize(typed));

    [Fact]
    public void ANormalizedQueryIsBoundedAsSearchBoundsIt()
    {
        var normalized = SearchMiss.Normalize(string.Join(' ', Enumerable.Repeat("word", 100)));
        Assert.Equal(ArticleSearch.MaxTerms, normalized.Split(' ').Length);
        Assert.True(SearchMiss.Normalize(new string('x', 1000)).Length <= SearchReportRules.QueryMaxLength);
    }

    [Fact]
    public void OnlyQueriesThatFoundNothingOrOnlyACorrectionAreReported()
    {
        var sciatica = new SearchHit(new ArticleCard(ArticleKind.Cause, "sciatica", "Sciatica", "Leg pain.", []), [], null);

        Assert.Equal(new SearchMiss("glowing toes", SearchOutcome.NothingFound), SearchMiss.Of(new SearchResults("Glowing  toes!", false, [])));
        Assert.Equal(new SearchMiss("sciatca", SearchOutcome.OnlyCorrection), SearchMiss.Of(new SearchResults("sciatica", false, [sciatica], SearchedInstead: "Sciatca")));
        Assert.Null(SearchMiss.Of(new SearchResults("sciatica", false, [sciatica])));
        Assert.Null(SearchMiss.Of(new SearchResults("", false, [])));
        Assert.Null(SearchMiss.Of(new SearchResults("?!", false, [])));
    }

    [Fact]
    public void AWarningSignQueryThatFoundTheUrgentHelpGuideIsNotReported()
    {
        var sign = new WarningSign("saddle-numbness", CareLevels.Emergency, "Back", "Numbness between the legs", ["nerve2020"], true, 1);
        var urgent = new SearchHit(new ArticleCard(ArticleKind.Guide, RedFlags.UrgentHelpSlug, "When to get urgent help", "Signs.", []), [], null);
        var flagged = new RedFlagMatch([sign]);

        // The urgent-help guide is the only hit (put first by the red flag), found as typed or after a correction: the reader was sent where they needed to go.
        Assert.Null(SearchMiss.Of(new SearchResults("numb saddle", false, [urgent], RedFlag: flagged)));
        Assert.Null(SearchMiss.Of(new SearchResults("numb saddle", false, [urgent], SearchedInstead: "numb sadle", RedFlag: flagged)));

        // Without the guide published, the same query found nothing.
        Assert.Equal(SearchOutcome.NothingFound, SearchMiss.Of(new SearchResults("numb saddle", false, [], RedFlag: flagged))!.Outcome);
    }

    private static SearchMiss Miss(string query) => new(query, SearchOutcome.NothingFound);

    private static async Task<List<string>> QueriesAsync(Contexts contexts) =>
        [.. (await new FeedbackReports(contexts).SearchesAsync(CancellationToken.None)).Select(r => r.Query)];

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
