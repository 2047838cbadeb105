using Microsoft.Data.Sqlite;
using NerveSpasmGuide.Web.Editing;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Editing;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("nsg-import-").FullName;

    public ImportCommandTests() => FixtureContent.WriteTo(Path.Combine(root, "content"));

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task ImportWritesTheStoreAndSaysWhatItHolds()
    {
        var database = Path.Combine(root, "data", "guide.db");

        var (code, output, errors) = await RunAsync("--content", Path.Combine(root, "content"), "--database", database);

        Assert.Equal(0, code);
        Assert.Equal("", errors);
        Assert.Matches($"^import: 4 articles, [0-9]+ links, [0-9]+ citations into {database} in [0-9]+ ms \\(0 errors, [0-9]+ warnings\\)$", output.TrimEnd());
        // The four published pages and the draft, which editors preview.
        using var store = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        store.Open();
        using var count = store.CreateCommand();
        count.CommandText = "SELECT count(*), sum(IsDraft) FROM articles";
        using var reader = count.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((5L, 1L), (reader.GetInt64(0), reader.GetInt64(1)));
    }

    [Fact]
    public async Task AStoreThatCannotBeWrittenExitsOneWithTheReasonNotACrash()
    {
        // The store's folder is a file: nothing can be created in it.
        var blocked = Path.Combine(root, "data");
        File.WriteAllText(blocked, "not a folder");

        var (code, output, errors) = await RunAsync("--content", Path.Combine(root, "content"), "--database", Path.Combine(blocked, "guide.db"));

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith($"import: could not write the store {Path.Combine(blocked, "guide.db")}: ", errors, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await ImportCommand.RunAsync(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }
}
