using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NerveSpasmGuide.Data.Import;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Editing;

/// <summary>The last good version of a broken file comes from the previous store, so it survives a restart.</summary>
public sealed class LastGoodVersionTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "nsg-lastgood-" + Guid.NewGuid().ToString("N"));

    private StoreLocation Location => new(Path.Combine(root, "content"), Path.Combine(root, "data", "guide.db"));

    [Fact]
    public async Task AfterARestartABrokenFileIsStillServedFromItsLastGoodVersion()
    {
        FixtureContent.WriteTo(Location.ContentPath);
        await ImportAsNewProcessAsync();
        var path = Path.Combine(Location.ContentPath, "treatments", "physical-therapy.md");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("title:", "titel:", StringComparison.Ordinal));

        var summary = await ImportAsNewProcessAsync();

        Assert.Equal(["treatments/physical-therapy.md"], summary.KeptPreviousVersions);
        Assert.Contains(summary.Problems, p => p.IsError && p.Path == "treatments/physical-therapy.md");
        Assert.Equal("Physical therapy", TitleOf("physical-therapy"));
    }

    [Fact]
    public async Task WithoutAPreviousStoreABrokenFileIsLeftOutAndReported()
    {
        FixtureContent.WriteTo(Location.ContentPath);
        var path = Path.Combine(Location.ContentPath, "treatments", "physical-therapy.md");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("title:", "titel:", StringComparison.Ordinal));

        var summary = await ImportAsNewProcessAsync();

        Assert.Empty(summary.KeptPreviousVersions);
        Assert.Null(TitleOf("physical-therapy"));
        Assert.Equal("Sciatica", TitleOf("sciatica"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    /// <summary>A fresh importer holds nothing in memory, like a restarted process.</summary>
    private async Task<ImportSummary> ImportAsNewProcessAsync()
    {
        using var importer = new GuideImporter(Location, new SitePublisher(), TimeProvider.System, NullLogger<GuideImporter>.Instance);
        return await importer.ImportAsync(CancellationToken.None);
    }

    private string? TitleOf(string slug)
    {
        using var connection = new SqliteConnection($"Data Source={Location.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Title FROM articles WHERE Slug = $slug";
        command.Parameters.AddWithValue("$slug", slug);
        return command.ExecuteScalar() as string;
    }
}
