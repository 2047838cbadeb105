using NerveSpasmGuide.TestSupport;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NerveSpasmGuide.Data.Import;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Data.Search;
using NerveSpasmGuide.Data.Store;

namespace NerveSpasmGuide.Data.Tests.Import;

/// <summary>
/// Two importers read the same copy of the shipped content, each into its own store folder: one imports each edit
/// incrementally, the other imports everything every time. After every edit their stores must hold the same rows,
/// table by table, and their summaries the same problems.
/// </summary>
public sealed class IncrementalImportTests : IDisposable
{
    /// <summary>
    /// Tables that are not compared row by row, because nothing is read from them directly: SQLite's counter of
    /// AUTOINCREMENT ids and FTS5's own storage (its contents are compared through <c>spanish_search</c>).
    /// </summary>
    private static readonly string[] Internal =
        ["sqlite_sequence", "spanish_search_config", "spanish_search_content", "spanish_search_data", "spanish_search_docsize", "spanish_search_idx", "spanish_vocab"];

    /// <summary>
    /// Each table's rows in a stable order. Ids are surrogates (an incremental import keeps a page's id while its slug
    /// lives, a full import numbers pages in path order), so rows name articles by slug; nothing else is left out.
    /// </summary>
    private static readonly Dictionary<string, string> Tables = new()
    {
        ["articles"] = "SELECT Slug, Kind, Title, LinkText, Summary, AlsoCalled, BodyHtml, FileText, TocJson, CareLevels, LastReviewed, NextReview, " +
                       "IsDraft, SourcePath, WordCount, ReadingGrade, SmogGrade, Audience FROM articles ORDER BY Slug",
        ["links"] = "SELECT f.Slug, t.Slug, l.Type FROM links l LEFT JOIN articles f ON f.Id = l.FromArticleId LEFT JOIN articles t ON t.Id = l.ToArticleId ORDER BY 1, 2, 3",
        ["citations"] = "SELECT a.Slug, c.Number, c.SourceKey, c.Uses FROM citations c LEFT JOIN articles a ON a.Id = c.ArticleId ORDER BY 1, 2",
        ["aliases"] = "SELECT x.Alias, a.Slug FROM aliases x LEFT JOIN articles a ON a.Id = x.ArticleId ORDER BY 1",
        ["codes"] = "SELECT c.System, c.Code, c.Display, a.Slug FROM codes c LEFT JOIN articles a ON a.Id = c.ArticleId ORDER BY 1, 2, 4",
        ["article_signs"] = "SELECT a.Slug, s.SignId FROM article_signs s LEFT JOIN articles a ON a.Id = s.ArticleId ORDER BY 1, 2",
        ["article_changes"] = "SELECT a.Slug, c.Position, c.Date, c.Note FROM article_changes c LEFT JOIN articles a ON a.Id = c.ArticleId ORDER BY 1, 2",
        ["article_search"] = "SELECT a.Slug, s.title, s.also_called, s.summary, s.body FROM article_search s LEFT JOIN articles a ON a.Id = s.rowid ORDER BY 1",
        ["sources"] = "SELECT * FROM sources ORDER BY Key",
        ["search_words"] = "SELECT * FROM search_words ORDER BY Word",
        ["synonyms"] = "SELECT * FROM synonyms ORDER BY Term",
        ["retired"] = "SELECT * FROM retired ORDER BY Slug",
        ["warning_signs"] = "SELECT * FROM warning_signs ORDER BY Id",
        ["media"] = "SELECT * FROM media ORDER BY Name",
        ["spanish_articles"] = "SELECT Slug, Kind, Title, Summary, AlsoCalled, BodyHtml, BodyMarkdown, TocJson, CitedKeysJson, CitationUsesJson, FurtherReadingJson, CareLevels, " +
                               "SourcePath, Stale, ReadingEase FROM spanish_articles ORDER BY Slug",
        ["spanish_search"] = "SELECT a.Slug, s.title, s.also_called, s.summary, s.body FROM spanish_search s LEFT JOIN spanish_articles a ON a.Id = s.rowid ORDER BY 1",
        ["spanish_synonyms"] = "SELECT * FROM spanish_synonyms ORDER BY Term",
        ["spanish_warning_signs"] = "SELECT * FROM spanish_warning_signs ORDER BY Id",
        ["spanish_media"] = "SELECT * FROM spanish_media ORDER BY Name",
    };

    private readonly string root = Path.Combine(Path.GetTempPath(), "nsg-incremental-" + Guid.NewGuid().ToString("N"));
    private readonly SitePublisher incrementalSite = new();
    private readonly SitePublisher fullSite = new();
    private readonly GuideImporter incremental;
    private readonly GuideImporter full;

    /// <summary>The files written, deleted or moved since the last import (both names of a move), when imports are told them.</summary>
    private HashSet<string>? named;

    public IncrementalImportTests()
    {
        CopyFolder(Path.Combine(Repository.Root, "content"), ContentPath);

        // Old stamps, so that unchanged files are recognised by their stamp and not only by reading them again.
        foreach (var file in Directory.EnumerateFiles(ContentPath, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
        }

        incremental = new GuideImporter(new StoreLocation(ContentPath, Path.Combine(root, "incremental", "guide.db")), incrementalSite,
            TimeProvider.System, NullLogger<GuideImporter>.Instance);
        full = new GuideImporter(new StoreLocation(ContentPath, Path.Combine(root, "full", "guide.db")), fullSite,
            TimeProvider.System, NullLogger<GuideImporter>.Instance);
    }

    private string ContentPath => Path.Combine(root, "content");

    /// <param name="namePaths">Whether each incremental import is told the files changed (as the watcher tells it) or compares every file's stamp.</param>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EverySequenceOfEditsImportedIncrementallyGivesTheStoreAFullImportGives(bool namePaths)
    {
        // As the running site does: each incremental import writes into the spare copy made after the import before it.
        await incremental.KeepSpareCopyAsync(CancellationToken.None);
        named = namePaths ? [] : null;
        var total = (await ImportBothAsync("start")).Articles;
        var source = FirstSourceKey();

        Write("guides/a-new-page.md", Article("A new page", $"Move a little each day, as in [[physical-therapy]] [@{source}]."));
        var added = await ImportBothAsync("add a page");
        Assert.True(added.Incremental);
        Assert.InRange(added.PagesRendered, 1, total / 2);

        Edit("treatments/physical-therapy.md", "title: Physical therapy", "title: Physiotherapy");
        var changed = await ImportBothAsync("change a title that links show");
        Assert.True(changed.Incremental);
        Assert.InRange(changed.PagesRendered, 2, total);

        Edit("treatments/physical-therapy.md", "summary:", "sumary:");
        var broken = await ImportBothAsync("break a page");
        Assert.Equal(["treatments/physical-therapy.md"], broken.KeptPreviousVersions);

        Edit("treatments/physical-therapy.md", "sumary:", "summary:");
        Edit("treatments/physical-therapy.md", "## What it is", "## What physical therapy is");
        Assert.Empty((await ImportBothAsync("fix it with a new heading")).KeptPreviousVersions);

        Edit("guides/a-new-page.md", "[[physical-therapy]]", "[[physical-therapi]]");
        await ImportBothAsync("a link to a missing slug, with a suggestion");

        Write("symptoms/a-new-page.md", Article("Same slug elsewhere", $"Text [@{source}]."));
        await ImportBothAsync("a second file claims a slug");

        Delete("guides/a-new-page.md");
        await ImportBothAsync("delete the slug's owner");

        Delete("symptoms/a-new-page.md");
        await ImportBothAsync("delete the other");

        Write("causes/drafts/notes.md", Article("Notes", "Not a page."));
        Assert.Contains((await ImportBothAsync("a file outside the article folders")).Problems, p => p.Path == "causes/drafts/notes.md");
        Delete("causes/drafts/notes.md");
        await ImportBothAsync("delete it");

        Move("causes/sciatica.md", "causes/sciatica-nerve-pain.md");
        await ImportBothAsync("rename a page many pages link to");

        Move("causes/sciatica-nerve-pain.md", "causes/sciatica.md");
        await ImportBothAsync("rename it back");

        Move("treatments/heat-and-ice.md", "guides/heat-and-ice.md");
        await ImportBothAsync("move a page to another kind");

        Edit("treatments/nsaids.md", "last_reviewed:", "draft: true\nlast_reviewed:");
        await ImportBothAsync("make a page a draft");

        var reviewed = LastReviewed("treatments/physical-therapy.md");
        Edit("treatments/physical-therapy.md", "last_reviewed:", $"changes:\n  - date: {reviewed}\n    note: The exercises are described step by step.\nlast_reviewed:");
        var history = await ImportBothAsync("give a page a history");
        Assert.True(history.Incremental);
        Assert.Equal(1, await CountAsync(incrementalSite.Current!.StorePath, "SELECT count(*) FROM article_changes a JOIN articles p ON p.Id = a.ArticleId WHERE p.Slug = 'physical-therapy'"));

        Edit("treatments/physical-therapy.md", "    note: The exercises are described step by step.",
            "    note: The exercises are described step by step, with pictures.\n  - date: 2025-01-10\n    note: First published.");
        Assert.True((await ImportBothAsync("edit a change's note and add an older one")).Incremental);

        Edit("treatments/physical-therapy.md", $"  - date: {reviewed}", "  - date: 2020-01-01");
        var misdated = await ImportBothAsync("the newest change no longer matches last_reviewed");
        Assert.Equal(["treatments/physical-therapy.md"], misdated.KeptPreviousVersions);

        Edit("treatments/physical-therapy.md", "  - date: 2020-01-01", $"  - date: {reviewed}");
        Edit("treatments/physical-therapy.md", "  - date: 2025-01-10\n    note: First published.\n", "");
        Assert.Empty((await ImportBothAsync("fix the date and drop the older change")).KeptPreviousVersions);

        Prefix("sources.yaml", "  title: ", "Revised ");
        var sources = await ImportBothAsync("change sources.yaml");
        Assert.False(sources.Incremental);

        Edit("synonyms.yaml", "pinched nerve:", "nipped nerve:");
        Assert.False((await ImportBothAsync("change synonyms.yaml")).Incremental);

        File.AppendAllText(Name("plain-words.yaml"), "- word: spasm\n  plain: sudden tightening\n");
        var plainWords = await ImportBothAsync("add a plain-words entry that warns on many pages");
        Assert.False(plainWords.Incremental);
        Assert.Contains(plainWords.Problems, p => p.Message.Contains("plain words: 'sudden tightening'", StringComparison.Ordinal));

        Prefix("warning-signs.yaml", "    text: ", "Sudden ");
        Assert.False((await ImportBothAsync("change a warning sign's text")).Incremental);

        Edit("treatments/muscle-relaxants.md", "last_reviewed:", "aliases: [spasm-medicines]\nlast_reviewed:");
        Assert.True((await ImportBothAsync("an edit after full imports is incremental again")).Incremental);

        Edit("es/treatments/stretching-and-massage.md", "title: ", "title: Nuevo ");
        Assert.True((await ImportBothAsync("edit a Spanish page")).Incremental);

        Edit("treatments/stretching-and-massage.md", "## ", "## New: ");
        var stale = await ImportBothAsync("edit the English page a Spanish page translates");
        Assert.Contains(stale.Problems, p => p.Path == "es/treatments/stretching-and-massage.md" && p.Message.StartsWith("stale translation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEditThatKeepsTheFilesSizeAndTimeStampIsSeenWhenMadeJustBeforeTheLastScan()
    {
        var path = Path.Combine(ContentPath, "treatments/physical-therapy.md");
        var stamp = DateTime.UtcNow;
        File.SetLastWriteTimeUtc(path, stamp);
        await ImportBothAsync("start");

        // Same length, same time stamp: only reading the file again can tell (coarse file-system clocks allow this).
        Edit("treatments/physical-therapy.md", "title: Physical therapy", "title: Physical theraPY");
        File.SetLastWriteTimeUtc(path, stamp);
        await ImportBothAsync("same-size edit within the racy window");

        await using var connection = Open(incrementalSite.Current!.StorePath);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Title FROM articles WHERE Slug = 'physical-therapy'";
        Assert.Equal("Physical theraPY", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AFullImportIsMadeWhenThePublishedStoreIsGone()
    {
        await incremental.ImportChangesAsync(CancellationToken.None);
        await incremental.ImportAsync(CancellationToken.None);
        Edit("treatments/physical-therapy.md", "title: Physical therapy", "title: Physiotherapy");

        var first = await incremental.ImportChangesAsync(CancellationToken.None);
        File.Delete(incrementalSite.Current!.StorePath);
        var afterDeletion = await incremental.ImportChangesAsync(CancellationToken.None);

        Assert.True(first.Incremental);
        Assert.False(afterDeletion.Incremental);
    }

    public void Dispose()
    {
        incremental.Dispose();
        full.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    /// <summary>Imports with both importers and fails, naming the step and the table, where their stores differ.</summary>
    private async Task<ImportSummary> ImportBothAsync(string step)
    {
        var fromChanges = await (named is null ? incremental.ImportChangesAsync(CancellationToken.None) : incremental.ImportChangesAsync([.. named], CancellationToken.None));
        named?.Clear();
        var fromScratch = await full.ImportAsync(CancellationToken.None);
        Assert.False(fromScratch.Incremental);

        // The summaries match but for when and how the import ran.
        Assert.Equal(fromScratch.Problems.Select(p => p.ToString()), fromChanges.Problems.Select(p => p.ToString()));
        Assert.Equal(
            (fromScratch.Articles, fromScratch.Drafts, fromScratch.Links, fromScratch.Citations, fromScratch.Errors, fromScratch.Warnings),
            (fromChanges.Articles, fromChanges.Drafts, fromChanges.Links, fromChanges.Citations, fromChanges.Errors, fromChanges.Warnings));
        Assert.Equal(fromScratch.KeptPreviousVersions, fromChanges.KeptPreviousVersions);
        Assert.Equal(fromScratch.LeftOut, fromChanges.LeftOut);

        // The dashboard groups problems by what they point at; an incremental import must point them alike.
        Assert.Equal(fromScratch.Problems.Select(p => p.PointsAt), fromChanges.Problems.Select(p => p.PointsAt));

        await using var left = Open(incrementalSite.Current!.StorePath);
        await using var right = Open(fullSite.Current!.StorePath);
        var tables = await TableNamesAsync(right);
        Assert.Equal(tables, await TableNamesAsync(left));
        Assert.Equal(Tables.Keys.Order(StringComparer.Ordinal), tables.Except(Internal).Order(StringComparer.Ordinal));
        foreach (var (table, query) in Tables)
        {
            var expected = await RowsAsync(right, query);
            var actual = await RowsAsync(left, query);
            if (Hash(expected) != Hash(actual))
            {
                var missing = expected.Except(actual).FirstOrDefault() ?? "(none)";
                var extra = actual.Except(expected).FirstOrDefault() ?? "(none)";
                Assert.Fail($"after '{step}', table {table} differs ({actual.Count} rows, a full import has {expected.Count}): " +
                            $"missing {Shorten(missing)}; extra {Shorten(extra)}");
            }
        }

        // The directory an incremental import builds from the previous one equals the directory read whole from its store.
        var published = incrementalSite.Current!;
        await using (var db = new GuideDbContext(new DbContextOptionsBuilder<GuideDbContext>().UseSqlite(published.ConnectionString).Options))
        {
            var read = await ArticleDirectory.LoadAsync(db, CancellationToken.None);
            Assert.Equal(Describe(read), Describe(published.Directory));
        }

        return fromChanges;
    }

    /// <summary>Everything a directory holds, as lines (ids included: both sides read the same store).</summary>
    private static List<string> Describe(ArticleDirectorySnapshot directory)
    {
        static string Card(ArticleCard card) => $"{card.Kind} {card.Slug} {card.Title} | {card.Summary} | {string.Join(", ", card.AlsoCalled)} | {card.Url}";
        static string Names(NameWords names) => $"{string.Join(' ', names.Words)} / {string.Join(' ', names.Stems)} / {names.MeaningfulCount}";
        return
        [
            .. directory.ById.Select(a => $"id {a.Key}: {Card(a.Value)}"),
            .. directory.BySlug.Select(a => $"slug {a.Key}: {Card(a.Value)}"),
            .. directory.ByKind.SelectMany(g => g.Articles.Select(a => $"kind {g.Kind}: {Card(a)}")),
            .. directory.Synonyms.Select(s => $"synonym {s.Term}: {string.Join(", ", s.Slugs)}"),
            .. directory.Codes.Select(c => $"code {c.System} {c.Code}: {Card(c.Article)}"),
            .. directory.Links.Select(l => $"link {l.Key}: {l.Value.Url} {l.Value.LinkText}"),
            .. directory.WarningSigns.Signs.Select(w => $"sign {w.Id} {w.Level.Name} {w.Group} {w.Text} {string.Join(", ", w.SourceKeys)} {w.OnHome} {w.Line}"),
            .. directory.Audiences.Select(a => $"audience {a.Key}: {a.Value}"),
            .. directory.TitleWords.Select(t => $"title words {t.Key}: {Names(t.Value.Title)}; {Names(t.Value.OtherNames)}"),
            $"vocabulary {directory.Vocabulary.Count}",
            .. directory.Words.Pages.Select(p =>
                $"words {p.Id}: {p.Length} {p.BodyLength} | {string.Join(',', p.SentenceStarts)} | {string.Join(',', p.Checkpoints)}"),
            .. directory.Words.Terms.Select(t =>
                $"term {t.Term}: " + string.Join(' ', t.Postings.Pages.Select((page, i) => $"{page}@{string.Join(',', t.Postings.At(i))}"))),
            $"words in all {directory.Words.TotalLength}",
        ];
    }

    private static async Task<List<string>> TableNamesAsync(SqliteConnection connection) =>
        (await RowsAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).ToList();

    private static async Task<List<string>> RowsAsync(SqliteConnection connection, string query)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private static string Hash(List<string> rows) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))));

    private static string Shorten(string row) => row.Length > 300 ? row[..300] + "…" : row;

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private string LastReviewed(string relative) =>
        File.ReadLines(Path.Combine(ContentPath, relative)).First(l => l.StartsWith("last_reviewed: ", StringComparison.Ordinal))["last_reviewed: ".Length..].Trim();

    private static async Task<long> CountAsync(string storePath, string query)
    {
        await using var connection = Open(storePath);
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private string FirstSourceKey() =>
        File.ReadLines(Path.Combine(ContentPath, "sources.yaml")).First(l => l.StartsWith("- key: ", StringComparison.Ordinal))["- key: ".Length..].Trim();

    /// <summary>Puts <paramref name="words"/> before the value of the first line that starts with <paramref name="field"/>.</summary>
    private void Prefix(string relative, string field, string words)
    {
        var path = Name(relative);
        var lines = File.ReadAllLines(path);
        var line = Array.FindIndex(lines, l => l.StartsWith(field, StringComparison.Ordinal));
        Assert.True(line >= 0, $"{relative} has no line starting '{field}'");
        lines[line] = field + words + lines[line][field.Length..];
        File.WriteAllLines(path, lines);
    }

    private static string Article(string title, string body) => $"""
        ---
        title: {title}
        summary: A page added while the site runs.
        last_reviewed: 2026-12-01
        next_review: 2028-12-01
        ---

        ## About this

        {body}
        """;

    /// <summary>The full path of a file under the content folder, remembered as changed.</summary>
    private string Name(string relative)
    {
        var path = Path.Combine(ContentPath, relative);
        named?.Add(path);
        return path;
    }

    private void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(ContentPath, relative))!);
        File.WriteAllText(Name(relative), text);
    }

    private void Delete(string relative) => File.Delete(Name(relative));

    private void Edit(string relative, string from, string to)
    {
        var path = Name(relative);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private void Move(string from, string to) => File.Move(Name(from), Name(to));

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

}
