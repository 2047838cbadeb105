using System.Diagnostics;
using NerveSpasmGuide.BrowserTests.Support;

namespace NerveSpasmGuide.BrowserTests;

/// <summary>The app as an operator deploys it: published, then started from a folder that is not its own.</summary>
public sealed class DeploymentTests : IAsyncLifetime
{
    private readonly string work = Path.Combine(Path.GetTempPath(), "nsg-deploy-" + Guid.NewGuid().ToString("N"));

    private string App => Path.Combine(work, "app");

    public async Task InitializeAsync()
    {
        RepositoryPaths.CopyContent(Path.Combine(work, "content"));
        using var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", RepositoryPaths.WebProject, "-o", App, "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await publish.StandardOutput.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, "dotnet publish failed:\n" + output + await publish.StandardError.ReadToEndAsync());
    }

    [Theory]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/js/site.js", "text/javascript")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task PublishedAppStartedFromAnotherFolderServesItsStaticFiles(string path, string contentType)
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(work, "elsewhere")).FullName;
        await using var server = await ServerProcess.StartPublishedAsync(App, elsewhere, Path.Combine(work, "content"), Path.Combine(work, "data", "guide.db"));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(work, recursive: true);
        return Task.CompletedTask;
    }
}
