using NerveSpasmGuide.TestSupport;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;
using NerveSpasmGuide.Data.Import;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Search;

namespace NerveSpasmGuide.Data.Tests.Search;

/// <summary>
/// The C# tokenizer against SQLite itself: every comparison builds an FTS5 table with the tokenizer in question and
/// reads back, through fts5vocab, each term and its token position, which must be what <see cref="Fts5Tokens"/> gives.
/// </summary>
public sealed class Fts5TokensTests(ITestOutputHelper output)
{
    private const string Porter = "porter unicode61";

    private delegate string TokenTerm(ReadOnlySpan<char> token);

    [Fact]
    public async Task EveryArticleTheImportWritesIsTokenizedAsFts5Did()
    {
        var root = Path.Combine(Path.GetTempPath(), "nsg-tokens-" + Guid.NewGuid().ToString("N"));
        try
        {
            var content = Path.Combine(root, "content");
            CopyFolder(Path.Combine(Repository.Root, "content"), content);
            var site = new SitePublisher();
            using (var importer = new GuideImporter(new StoreLocation(content, Path.Combine(root, "store", "guide.db")), site, TimeProvider.System,
                       NullLogger<GuideImporter>.Instance))
            {
                await importer.ImportAsync(CancellationToken.None);
            }

            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = site.Current!.StorePath, Pooling = false }.ToString());
            connection.Open();
            var rows = new List<(long Id, string[] Columns)>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT rowid, title, also_called, summary, body FROM article_search";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    rows.Add((reader.GetInt64(0), [reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)]));
                }
            }

            Assert.True(rows.Count > 10, "the shipped content has articles");
            await Fts5Oracle.CreateAsync(connection);
            var compared = AssertSameTerms(connection, "temp", "article_fts", ["title", "also_called", "summary", "body"], rows, Fts5Tokens.Term);
            output.WriteLine($"{compared} tokens compared");
            Assert.True(compared > 10_000, $"only {compared} tokens compared");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void AwkwardTextIsTokenizedAsFts5Does()
    {
        var texts = new List<string>
        {
            "café naïve Ciática CAFÉ Ærøskøbing façade jalapeño Ångström crème brûlée Ÿ œuvre Łódź Ðið þorn",
            "don't patient’s it's O'Brien rock'n'roll ‘quoted’ “double” «guillemets»",
            "well-known self-care — pain–free non‐breaking non‑breaking re-injured x-ray",
            "L5 S1 L4-L5 10mg 5mg/kg 2x C5-C6 T12 1.5 3,000 100% #1 @home a_b a.b",
            "38°C 2×3 ½ ¼ ² ³ µg ° ± ÷ ‰ ™ © ®",
            "😀 nerve😀pain 👍🏽 ❤️ 🇬🇧 pain🔥 zwj\u200Djoined nbsp\u00A0space tab\there new\nline",
            "中文 坐骨神经痛 日本語 한국어 ひらがな カタカナ ไทย العربية עברית हिन्दी",
            "e\u0301 cafe\u0301 cafe\u0301s n\u0303o a\u0332b \u0301start x\u0300\u0301\u0302y o\u0308\u0304 i\u0307 \u0327c",
            "Supercalifragilisticexpialidociousantidisestablishmentarianismfloccinaucinihilipilification",
            new string('a', 61) + "ing " + new string('a', 62) + "ing " + new string('é', 30) + "ing " + new string('é', 31) + "ing",
            "an on to of is it be ye ys es ed ly ow",
            "ies sss ying aing eed bled sing sky ssses ied",
            "\uD800lone \uDC00lone x\uD800y \uFFFE \uFFFF \uE000private \uF8FFx \u0000nul",
            "ﬁnd ﬂow ligature İstanbul ß ẞ straße ΣΊΣΥΦΟΣ σοφός Москва ЁЖИК Ǆemal ǅ ǆ",
            "𐐀𐐨 𐐀𐐁 ⓐⓑ Ⓐ ⅳ Ⅻ ٣٤٥ ۱۲ １２３ ＡＢＣ ａｂｃ",
            "x₂ed a₂ed a₂₂ed x一ing 一一ed ññed aññing",
            "ñandú pingüino acción corazón Ñ Ü über Köln Ĳssel ĳ Ŀ ŀ ſ",
        };
        texts.AddRange(RandomWords(new Random(20261203), 5000));
        using var connection = OpenMemory();
        var rows = texts.Select((text, i) => ((long)(i + 1), new[] { text })).ToList();
        foreach (var tokenize in new[] { Porter, "unicode61" })
        {
            var table = tokenize == Porter ? "porter_text" : "unicode_text";
            Create(connection, table, ["x"], tokenize);
            Insert(connection, table, ["x"], rows);
            var compared = AssertSameTerms(connection, "main", table, ["x"], rows, tokenize == Porter ? Fts5Tokens.Term : Fts5Tokens.Fold);
            output.WriteLine($"{compared} tokens compared");
            output.WriteLine($"{compared} tokens compared");
        Assert.True(compared > 20_000, $"only {compared} tokens compared");
        }
    }

    /// <summary>Each code point after an ASCII letter and before another, and at the start before one: where it ends a token, starts one, or folds to.</summary>
    [Fact]
    public void EveryCodePointIsClassedAndFoldedAsSqliteDoes()
    {
        var rows = new List<(long, string[])>();
        var inside = new StringBuilder();
        var first = new StringBuilder();
        for (var code = 1; code <= 0x10FFFF; code++)
        {
            if (code is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var s = char.ConvertFromUtf32(code);
            inside.Append('a').Append(s).Append("b ");
            first.Append(' ').Append(s).Append('b');
            if (code % 1024 == 0 || code == 0x10FFFF)
            {
                rows.Add((rows.Count + 1, [inside.ToString(), first.ToString()]));
                inside.Clear();
                first.Clear();
            }
        }

        using var connection = OpenMemory();
        Create(connection, "code_points", ["inside", "first"], "unicode61");
        Insert(connection, "code_points", ["inside", "first"], rows);
        var compared = AssertSameTerms(connection, "main", "code_points", ["inside", "first"], rows, Fts5Tokens.Fold);
        output.WriteLine($"{compared} tokens compared");
        Assert.True(compared > 2_000_000, $"only {compared} tokens compared");
    }

    /// <summary>Examples from Porter's paper, step by step; what SQLite indexes for each is what Term gives.</summary>
    [Theory]
    [InlineData("caresses ponies ties caress cats")]
    [InlineData("feed agreed plastered bled motoring sing conflated troubled sized hopping tanned falling hissing fizzed failing filing")]
    [InlineData("happy sky")]
    [InlineData("relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli " +
                "vietnamization predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti")]
    [InlineData("triplicate formative formalize electriciti electrical hopeful goodness")]
    [InlineData("revival allowance inference airliner gyroscopic adjustable defensible irritant replacement adjustment dependent adoption " +
                "homologou communism activate angulariti homologous effective bowdlerize")]
    [InlineData("probate rate cease controll roll")]
    [InlineData("generalization generalizations oscillators connection connections connective connected connecting")]
    public void PorterExamplesStemAsSqliteStemsThem(string words)
    {
        using var connection = OpenMemory();
        Create(connection, "examples", ["x"], Porter);
        List<(long, string[])> rows = [(1, [words])];
        Insert(connection, "examples", ["x"], rows);
        var compared = AssertSameTerms(connection, "main", "examples", ["x"], rows, Fts5Tokens.Term);
        Assert.Equal(words.Split(' ').Length, compared);
    }

    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("generalization", "gener")]
    [InlineData("hopeful", "hope")]
    [InlineData("sciatica", "sciatica")]
    [InlineData("spasms", "spasm")]
    [InlineData("at", "at")]
    public void WellKnownStemsAreWhatSqliteIndexes(string word, string stem)
    {
        using var connection = OpenMemory();
        Create(connection, "known", ["x"], Porter);
        Insert(connection, "known", ["x"], [(1, [word])]);
        Assert.Equal([stem], Terms(connection, "main", "known").Select(t => t.Term));
        Assert.Equal(stem, Fts5Tokens.Term(word));
        Assert.Equal(stem, Fts5Tokens.Stem(Fts5Tokens.Fold(word)));
    }

    [Fact]
    public void NextGivesCharIndexesAndStopsAtTheEnd()
    {
        const string text = "  Café—x😀y, don't\u0301";
        var position = 0;
        var tokens = new List<string>();
        while (Fts5Tokens.Next(text, ref position, out var start, out var end))
        {
            Assert.Equal(end, position);
            tokens.Add(text[start..end]);
        }

        Assert.Equal(["Café", "x", "y", "don", "t\u0301"], tokens);
        Assert.Equal(text.Length, position);
        Assert.False(Fts5Tokens.Next(text, ref position, out _, out _));
    }

    [Fact]
    public void AStemThatChangesNothingIsTheSameString()
    {
        var folded = Fts5Tokens.Fold("Sciatica");
        Assert.Same(folded, Fts5Tokens.Stem(folded));
    }

    /// <summary>Words built to reach the porter rules: stems with vowels, y and doubled letters, a suffix of some step, and now and then an accent.</summary>
    private static IEnumerable<string> RandomWords(Random random, int lines)
    {
        string[] stems = ["a", "e", "y", "ab", "by", "ty", "sy", "oy", "hop", "tann", "fizz", "fall", "rat", "troubl", "siz", "feed", "agr", "conn",
                          "cry", "happ", "valen", "gener", "formal", "electr", "sens", "dep", "adopt", "commun", "activ", "bowdl", "prob", "ceas",
                          "contr", "sk", "ww", "xx", "yy", "ñ", "é", "ü", "ä", "1", "5", "l", "ss", "tri", "ing", "ed"];
        string[] suffixes = ["", "s", "es", "ies", "sses", "ss", "ed", "eed", "ing", "ly", "y", "e", "at", "bl", "iz", "ational", "tional", "enci",
                             "anci", "izer", "logi", "bli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism", "iveness",
                             "fulness", "ousness", "aliti", "iviti", "biliti", "ical", "ness", "icate", "iciti", "ful", "ative", "alize", "al",
                             "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "sion", "tion", "ion", "ou", "ism", "ate",
                             "iti", "ous", "ive", "ize", "ll", "ings", "ations", "izations", "fulnesses", "edly"];
        for (var line = 0; line < lines; line++)
        {
            var text = new StringBuilder();
            for (var w = 0; w < 6; w++)
            {
                var parts = random.Next(1, 4);
                for (var p = 0; p < parts; p++)
                {
                    text.Append(stems[random.Next(stems.Length)]).Append(suffixes[random.Next(suffixes.Length)]);
                }

                text.Append(random.Next(10) == 0 ? "-" : " ");
            }

            yield return random.Next(4) == 0 ? text.ToString().ToUpperInvariant() : text.ToString();
        }
    }

    /// <summary>
    /// Fails at the first row and column where SQLite's terms and positions differ from what <paramref name="term"/> makes
    /// of <see cref="Fts5Tokens.Next"/>'s tokens; returns how many tokens were compared.
    /// </summary>
    private static int AssertSameTerms(SqliteConnection connection, string schema, string table, string[] columns,
        List<(long Id, string[] Columns)> rows, TokenTerm term)
    {
        var expected = new Dictionary<(long Doc, string Col), List<(string Term, int Offset)>>();
        foreach (var (doc, col, offset, text) in Terms(connection, schema, table))
        {
            if (!expected.TryGetValue((doc, col), out var list))
            {
                expected[(doc, col)] = list = [];
            }

            list.Add((text, offset));
        }

        var compared = 0;
        foreach (var (id, values) in rows)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                var text = values[c];
                var actual = new List<(string Term, int Offset)>();
                var position = 0;
                while (Fts5Tokens.Next(text, ref position, out var start, out var end))
                {
                    actual.Add((term(text.AsSpan(start, end - start)), actual.Count));
                }

                var sqlite = expected.GetValueOrDefault((id, columns[c])) ?? [];
                sqlite.Sort((a, b) => a.Offset.CompareTo(b.Offset));
                for (var i = 0; i < Math.Max(sqlite.Count, actual.Count); i++)
                {
                    var want = i < sqlite.Count ? sqlite[i] : default;
                    var got = i < actual.Count ? actual[i] : default;
                    Assert.True(want == got, $"row {id} column {columns[c]} token {i}: SQLite {want}, C# {got}, in \"{Around(text, want.Term ?? got.Term)}\"");
                }

                compared += actual.Count;
            }
        }

        return compared;
    }

    private static string Around(string text, string? term) => text.Length <= 200 ? text : text[..200] + "… (term " + term + ")";

    private static List<(long Doc, string Col, int Offset, string Term)> Terms(SqliteConnection connection, string schema, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP TABLE IF EXISTS temp.v; CREATE VIRTUAL TABLE temp.v USING fts5vocab({schema}, {table}, 'instance');";
        command.ExecuteNonQuery();
        command.CommandText = "SELECT term, doc, col, offset FROM temp.v";
        var terms = new List<(long, string, int, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            terms.Add((reader.GetInt64(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(0)));
        }

        return terms;
    }

    private static SqliteConnection OpenMemory()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    private static void Create(SqliteConnection connection, string table, string[] columns, string tokenize)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE VIRTUAL TABLE {table} USING fts5({string.Join(", ", columns)}, tokenize = '{tokenize}')";
        command.ExecuteNonQuery();
    }

    private static void Insert(SqliteConnection connection, string table, string[] names, List<(long Id, string[] Columns)> rows)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var width = names.Length;
        command.CommandText = $"INSERT INTO {table}(rowid, {string.Join(", ", names)}) VALUES($id, {string.Join(", ", Enumerable.Range(0, width).Select(i => "$c" + i))})";
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        var values = Enumerable.Range(0, width).Select(i => command.Parameters.Add("$c" + i, SqliteType.Text)).ToArray();
        foreach (var (rowId, columns) in rows)
        {
            id.Value = rowId;
            for (var i = 0; i < width; i++)
            {
                values[i].Value = columns[i];
            }

            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

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
