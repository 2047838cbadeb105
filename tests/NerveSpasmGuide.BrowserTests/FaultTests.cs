using NerveSpasmGuide.BrowserTests.Support;

namespace NerveSpasmGuide.BrowserTests;

/// <summary>Faults under the real server, each with its own process, content copy and data folder.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private readonly string work = Path.Combine(Path.GetTempPath(), "nsg-fault-" + Guid.NewGuid().ToString("N"));

    private string Content => Path.Combine(work, "content");

    private string Database => Path.Combine(work, "data", "guide.db");

    public Task InitializeAsync()
    {
        RepositoryPaths.CopyContent(Content);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task StoreDeletedWhileRunningIsRebuiltAndTheSiteKeepsServing()
    {
        await using var server = await ServerProcess.StartAsync(Content, Database);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal(200, (int)(await http.GetAsync(new Uri("/causes/sciatica", UriKind.Relative))).StatusCode);

        File.Delete(Database);
        for (var i = 0; i < 20; i++)
        {
            using var response = await http.GetAsync(new Uri(i % 2 == 0 ? "/causes/radiculopathy" : "/search?q=nerve", UriKind.Relative));
            Assert.Equal(200, (int)response.StatusCode);
            await Task.Delay(50);
        }

        await WaitForAsync(() => File.Exists(Database));
        Assert.Contains(server.Output, line => line.Contains("WRN", StringComparison.Ordinal) && line.Contains("rebuilding it from content", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoreTruncatedWhileRunningIsRebuiltAndTheSiteKeepsServing()
    {
        await using var server = await ServerProcess.StartAsync(Content, Database);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        await File.WriteAllBytesAsync(Database, []);
        using var first = await http.GetAsync(new Uri("/causes/spondylosis", UriKind.Relative));
        using var second = await http.GetAsync(new Uri("/sources", UriKind.Relative));

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)second.StatusCode);
        Assert.Contains(server.Output, line => line.Contains("WRN", StringComparison.Ordinal) && line.Contains("rebuilding it from content", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CorruptStoreAtStartUpIsReplaced()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Database)!);
        await File.WriteAllTextAsync(Database, "this is not a SQLite database");
        await using var server = await ServerProcess.StartAsync(Content, Database);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        Assert.Equal(200, (int)(await http.GetAsync(new Uri("/causes/sciatica", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("/sys/nerve-spasm-guide/guide.db", "Cannot write the store at '/sys/nerve-spasm-guide/guide.db' (Guide:DatabasePath)")]
    [InlineData("/etc/hostname/guide.db", "Cannot write the store at '/etc/hostname/guide.db' (Guide:DatabasePath)")]
    public async Task UnwritableDataFolderGivesOneClearLine(string database, string expected)
    {
        await using var server = await ServerProcess.StartAsync(Content, database);
        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(server.Output, l => l.Contains(expected, StringComparison.Ordinal));
        Assert.StartsWith("NerveSpasmGuide cannot start:", line, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FirstImportFailingGivesOneClearLine()
    {
        // A folder where the importer builds its new store file: the data folder itself is writable, the build is not.
        Directory.CreateDirectory(Database + ".building");
        File.WriteAllText(Path.Combine(Database + ".building", "in-the-way"), "x");
        await using var server = await ServerProcess.StartAsync(Content, Database);

        Assert.Equal(1, await server.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var line = Assert.Single(server.Output, l => l.Contains($"the first import into '{Database}' failed", StringComparison.Ordinal));
        Assert.StartsWith("NerveSpasmGuide cannot start:", line, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingContentFolderGivesOneClearLine()
    {
        var missing = Path.Combine(work, "no-content-here");
        await using var server = await ServerProcess.StartAsync(missing, Database);

        Assert.Equal(1, await server.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(server.Output, l => l.Contains($"The content folder '{missing}' (Guide:ContentPath) does not exist", StringComparison.Ordinal) &&
                                            l.Contains("Guide__ContentPath", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmptyContentFolderGivesOneClearLine()
    {
        var empty = Directory.CreateDirectory(Path.Combine(work, "empty")).FullName;
        await using var server = await ServerProcess.StartAsync(empty, Database);

        Assert.Equal(1, await server.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(server.Output, l => l.Contains($"The content folder '{empty}' (Guide:ContentPath) has no articles", StringComparison.Ordinal));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(work, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition());
    }
}
