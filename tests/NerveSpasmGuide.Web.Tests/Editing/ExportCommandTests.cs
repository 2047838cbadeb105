using NerveSpasmGuide.Web.Editing;

namespace NerveSpasmGuide.Web.Tests.Editing;

/// <summary>The export's rules; the copy itself is checked against the published app in the browser tests' DeploymentTests.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), "nsg-export-test-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("--content", "content")]
    [InlineData("--out", "somewhere")]
    public async Task WithoutAnOutputFolderOrAPublicAddressItRefuses(string flag, string value)
    {
        var (code, log) = await RunAsync(flag, value);

        Assert.Equal(2, code);
        Assert.Contains(flag == "--out" ? "Guide:PublicBaseUrl is required" : "--out DIR is required", log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/causes", "causes.html")]
    [InlineData("/causes/sciatica", "causes/sciatica.html")]
    [InlineData("/api/articles", "api/articles.json")]
    [InlineData("/api/articles?page=2", "api/articles.page-2.json")]
    [InlineData("/api/articles/sciatica", "api/articles/sciatica.json")]
    [InlineData("/css/site.css", "css/site.css")]
    public void EachAddressHasItsOwnFile(string path, string file) => Assert.Equal(file, ExportCommand.FileFor(path));

    public void Dispose()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<(int Code, string Log)> RunAsync(params string[] args)
    {
        using var log = new StringWriter();
        var code = await ExportCommand.RunAsync(args, log, log);
        return (code, log.ToString());
    }
}
