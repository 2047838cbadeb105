using NerveSpasmGuide.TestSupport;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NerveSpasmGuide.Data.Import;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Search;

namespace NerveSpasmGuide.Data.Tests.Search;

/// <summary>The shipped content imported once into a store of its own, for comparing search in memory with SQLite's FTS5.</summary>
public sealed class ShippedStoreFixture : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "nsg-words-" + Guid.NewGuid().ToString("N"));
    private readonly SitePublisher site = new();
    public PublishedSite Published => site.Current!;

    public async Task InitializeAsync()
    {
        using var importer = new GuideImporter(new StoreLocation(Path.Combine(Repository.Root, "content"), Path.Combine(root, "guide.db")), site,
            TimeProvider.System, NullLogger<GuideImporter>.Instance);
        await importer.ImportAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
        return Task.CompletedTask;
    }

}

/// <summary>The FTS5 index search used before it ranked in memory, built over the store's page text as the specification to compare with.</summary>
internal static class Fts5Oracle
{
    /// <summary>Creates <c>temp.article_fts</c> (porter unicode61, bm25 weighted 10, 6, 3, 1) from <c>article_search</c>.</summary>
    public static async Task CreateAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE VIRTUAL TABLE temp.article_fts USING fts5(title, also_called, summary, body, tokenize = 'porter unicode61');
            INSERT INTO temp.article_fts(article_fts, rank) VALUES('rank', 'bm25(10.0, 6.0, 3.0, 1.0)');
            INSERT INTO temp.article_fts(rowid, title, also_called, summary, body) SELECT rowid, title, also_called, summary, body FROM main.article_search;
            """;
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// Search ranks and cuts snippets in memory; these tests hold it to the FTS5 statements it replaced, run on the same
/// store: every matching page in the same order, the same count of pages per word, and the same snippet for each.
/// </summary>
public sealed class WordIndexTests(ShippedStoreFixture store) : IClassFixture<ShippedStoreFixture>
{
    /// <summary>The ranking statement search ran inside SQLite before, without its limit: the specification of the order.</summary>
    private static string RankingSql(int words)
    {
        var holds = words == 1 ? "1" : string.Join(" + ", Enumerable.Range(0, words)
            .Select(i => $"(page.rowid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH $w{i}))"));
        var near = words == 1 ? "0" : "page.rowid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH $near)";
        return $"""
            WITH titled(id, score) AS MATERIALIZED (SELECT value ->> 0, value ->> 1 FROM json_each($titled))
            SELECT page.rowid, {holds} AS holds, coalesce(titled.score, 0) AS title, {near} AS near,
                   snippet(page.article_fts, 3, char(1), char(2), '…', 24)
            FROM article_fts AS page LEFT JOIN titled ON titled.id = page.rowid
            WHERE page.article_fts MATCH $match
            ORDER BY holds DESC, title DESC, near DESC, page.rank, page.rowid
            """;
    }

    public static TheoryData<string> Queries()
    {
        var data = new TheoryData<string>
        {
            "sciatica", "what is sciatica", "pinched nerve in my neck", "muscle spasms at night", "numb", "numbness and tingling in feet",
            "can i take ibuprofen for back pain", "sciat", "ner", "physical therapy exercises", "heat or ice", "when should i see a doctor",
            "loss of bladder control", "leg weakness", "burning pain feet diabetes", "stretch", "nerve", "spasm spasms spasming",
            "the", "what can i do", "carpal tunnel wrist splint", "cramps", "back pain that goes down the leg", "xyzzy", "sciatica xyzzy",
            "L5 S1", "10 mg", "café", "relational conditional", "nerves nerve nervous", "pain pain pain",
        };

        // Pairs and triples of the site's own words, chosen by a fixed seed: the ranking's ties and NEAR.
        var words = new[]
        {
            "pain", "nerve", "leg", "back", "spasm", "muscle", "tingling", "doctor", "stretch", "sleep", "medicine", "weak", "foot",
            "neck", "arm", "spine", "disc", "injection", "relief", "walk", "urgent", "bladder", "cramp", "heat", "therapy", "numb",
        };
        var random = new Random(20261203);
        for (var i = 0; i < 60; i++)
        {
            var count = 2 + (i % 3);
            data.Add(string.Join(' ', Enumerable.Range(0, count).Select(_ => words[random.Next(words.Length)])));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task SearchInMemoryFindsAndOrdersThePagesAndCutsTheSnippetsFts5Did(string query)
    {
        var directory = store.Published.Directory;
        var words = QueryWords.Split(query);
        var meaningful = QueryWords.Meaningful(words);
        var stems = meaningful.Select(EnglishStemmer.Stem).ToList();
        var quoted = meaningful.Select(w => $"\"{w}\"" + (w == words[^1] ? "*" : "")).ToList();

        var phrases = meaningful.Select(w => WordIndex.ToPhrase(w, prefix: w == words[^1])).ToList();
        var (best, holding) = directory.Words.Rank(phrases,
            id => directory.TitleWords.TryGetValue(id, out var names) ? ArticleSearch.InTitle(names, meaningful, stems) : 0,
            ArticleSearch.NearDistance, int.MaxValue);

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.Published.StorePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await Fts5Oracle.CreateAsync(connection);
        var expected = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = RankingSql(meaningful.Count);
            command.Parameters.AddWithValue("$match", string.Join(" OR ", quoted));
            command.Parameters.AddWithValue("$titled", TitleScores(directory, meaningful, stems));
            if (meaningful.Count > 1)
            {
                for (var i = 0; i < quoted.Count; i++)
                {
                    command.Parameters.AddWithValue($"$w{i}", quoted[i]);
                }

                command.Parameters.AddWithValue("$near", $"NEAR({string.Join(' ', quoted)}, {ArticleSearch.NearDistance})");
            }

            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                expected.Add($"{reader.GetInt64(0)} holds {reader.GetInt64(1)} title {reader.GetInt64(2)} near {reader.GetInt64(3)}: {reader.GetString(4)}");
            }
        }

        using var parts = new BodyPartReader(connection);
        var snippets = SnippetCutter.Cut(parts, best, phrases);

        var actual = best.Select(b =>
        {
            var holds = phrases.Count == 1 ? 1 : Enumerable.Range(0, phrases.Count).Count(i => b.Instances.Exists(x => x.Phrase == i));
            var title = directory.TitleWords.TryGetValue(b.Page.Id, out var names) ? ArticleSearch.InTitle(names, meaningful, stems) : 0;
            var near = phrases.Count > 1 && holds == phrases.Count && Near(b, phrases) ? 1 : 0;
            return $"{b.Page.Id} holds {holds} title {title} near {near}: {snippets[b.Page.Id]}";
        }).ToList();

        Assert.Equal(expected, actual);
        Assert.True(query is "xyzzy" or "café" ? expected.Count == 0 : expected.Count > 0, $"{expected.Count} pages match '{query}'");
        Assert.True(expected.Count < 5 || expected.Any(e => e.Contains('\u0001', StringComparison.Ordinal)), "no snippet highlights a word");
        for (var i = 0; i < quoted.Count; i++)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM article_fts WHERE article_fts MATCH $match";
            count.Parameters.AddWithValue("$match", quoted[i]);
            Assert.Equal((long)(await count.ExecuteScalarAsync())!, holding[i]);
        }
    }

    [Fact]
    public void EveryPublishedPageIsInTheIndexOnce()
    {
        var directory = store.Published.Directory;
        Assert.Equal(directory.ById.Keys.Order(), directory.Words.Pages.Select(p => p.Id));
        Assert.All(directory.Words.Pages, p => Assert.True(p.Length > p.BodyLength && p.BodyLength > 100, $"page {p.Id}: {p.Length} tokens, body {p.BodyLength}"));
    }

    /// <summary>
    /// The query plan of the statement that reads the part of a hit's body its snippet shows, as the bundled SQLite
    /// makes it: one row looked up by its primary key, never a scan of the table.
    /// </summary>
    [Fact]
    public async Task EachSnippetReadsOnlyItsOwnRowByPrimaryKey()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.Published.StorePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + BodyPartReader.Sql;
        command.Parameters.AddWithValue("$id", 3);
        command.Parameters.AddWithValue("$from", 50);
        command.Parameters.AddWithValue("$length", 200);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Equal(["SEARCH article_search USING INTEGER PRIMARY KEY (rowid=?)"], plan);
    }

    /// <summary>A page's part is read by its place in the stored UTF-8 bytes, and to the body's end for the longest length.</summary>
    [Fact]
    public async Task APartOfABodyIsReadByItsPlaceInTheStoredBytes()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = SearchIndex.CreateSql + "INSERT INTO article_search(rowid, title, also_called, summary, body) VALUES(7, 't', '', 's', '😀 café 🦶🏽 nerve');";
            await create.ExecuteNonQueryAsync();
        }

        using var parts = new BodyPartReader(connection);
        // 😀 is 4 bytes, é 2, 🦶 and 🏽 4 each.
        Assert.Equal("café", parts.Read(7, 5, 5));
        Assert.Equal("🦶🏽 nerve", parts.Read(7, 11, int.MaxValue));
        Assert.Equal("😀", parts.Read(7, 0, 4));
        Assert.Null(parts.Read(8, 0, 10));
    }

    /// <summary>
    /// Snippets read their part of the body by its place in the stored UTF-8 bytes, where an emoji is four and an
    /// accented letter two (a .NET string counts them two and one). Long bodies full of emoji, accents and other scripts, so that windows start past many checkpoints.
    /// </summary>
    [Theory]
    [InlineData("nerve pain")]
    [InlineData("tingling feet")]
    [InlineData("sleep")]
    public async Task SnippetsOfTextBeyondTheBasicPlaneMatchFts5(string query)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = SearchIndex.CreateSql;
            await create.ExecuteNonQueryAsync();
        }

        var random = new Random(42);
        string[] filler = ["😀", "🦶🏽", "café", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "naïve", "痛み", "—", "well-known", "x²", "🙂🙂", "ok.", "Then:"];
        string[] pieces = [.. filler, "nerve", "pain", "tingling", "feet", "sleep"];
        for (var id = 1; id <= 6; id++)
        {
            // Words a query finds only after a few hundred tokens of emoji and other scripts.
            var body = string.Join(' ', Enumerable.Range(0, 200 + (id * 37)).Select(_ => filler[random.Next(filler.Length)])
                .Concat(Enumerable.Range(0, 300).Select(_ => pieces[random.Next(pieces.Length)])));
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO article_search(rowid, title, also_called, summary, body) VALUES($id, $title, '', 'A page.', $body)";
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$title", $"Page {id} 🙂");
            insert.Parameters.AddWithValue("$body", body);
            await insert.ExecuteNonQueryAsync();
        }

        await Fts5Oracle.CreateAsync(connection);
        var index = await WordIndex.BuildAsync(connection, CancellationToken.None);
        var words = QueryWords.Split(query);
        var phrases = words.Select(w => WordIndex.ToPhrase(w, prefix: w == words[^1])).ToList();
        var (best, _) = index.Rank(phrases, _ => 0, ArticleSearch.NearDistance, int.MaxValue);
        using var parts = new BodyPartReader(connection);
        var snippets = SnippetCutter.Cut(parts, best, phrases);

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid, snippet(article_fts, 3, char(1), char(2), '…', 24) FROM article_fts WHERE article_fts MATCH $match";
        command.Parameters.AddWithValue("$match", string.Join(" OR ", words.Select(w => $"\"{w}\"" + (w == words[^1] ? "*" : ""))));
        var expected = new Dictionary<int, string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                expected[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        Assert.Equal(6, expected.Count);
        Assert.Equal(expected.OrderBy(e => e.Key), snippets.OrderBy(e => e.Key));
        // Every window starts well into its body, past many emoji: where UTF-8 and UTF-16 offsets part.
        Assert.All(snippets.Values, v => Assert.StartsWith("…", v, StringComparison.Ordinal));
    }

    private static bool Near(WordIndex.RankedPage page, List<WordIndex.Phrase> phrases) =>
        WordIndex.Near([.. Enumerable.Range(0, phrases.Count).Select(i => new ArraySegment<int>([.. page.Instances.Where(x => x.Phrase == i).Select(x => x.Position)]))],
            phrases, ArticleSearch.NearDistance);

    private static string TitleScores(ArticleDirectorySnapshot directory, List<string> words, List<string> stems)
    {
        var json = new StringBuilder("[");
        foreach (var (id, names) in directory.TitleWords)
        {
            var score = ArticleSearch.InTitle(names, words, stems);
            if (score > 0)
            {
                json.Append(json.Length > 1 ? ",[" : "[").Append(id).Append(',').Append(score).Append(']');
            }
        }

        return json.Append(']').ToString();
    }
}
