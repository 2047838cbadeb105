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

    [Fact]
    public async Task TheStaticCopyHoldsEveryPublicPageInEachEncodingByteForByteAsTheServerSendsIt()
    {
        var copy = Path.Combine(work, "copy");
        var content = Path.Combine(work, "content");
        using (var export = Process.Start(new ProcessStartInfo("dotnet",
                   [Path.Combine(App, "NerveSpasmGuide.Web.dll"), "export", "--out", copy, "--content", content, "--Guide:PublicBaseUrl=https://guide.example.org"])
               {
                   RedirectStandardOutput = true,
                   RedirectStandardError = true,
                   WorkingDirectory = work,
               })!)
        {
            var log = await export.StandardOutput.ReadToEndAsync() + await export.StandardError.ReadToEndAsync();
            await export.WaitForExitAsync();
            Assert.True(export.ExitCode == 0, log);
        }

        await using var server = await ServerProcess.StartPublishedAsync(App, work, content, Path.Combine(work, "data", "guide.db"), "--Guide:PublicBaseUrl=https://guide.example.org");
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = server.BaseAddress };
        var sitemap = await http.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));
        var articles = System.Text.RegularExpressions.Regex.Matches(sitemap, "<loc>https://guide.example.org(/[a-z]+/[a-z0-9-]+)</loc>").Select(m => m.Groups[1].Value).ToList();
        Assert.True(articles.Count >= 40, $"only {articles.Count} articles in the sitemap");
        string[] others = ["/", "/causes", "/sources", "/sitemap.xml", "/feed.xml", "/api/articles", "/api/articles/sciatica", "/css/site.css", "/media/sciatic-nerve-path.svg"];
        foreach (var path in articles.Concat(others))
        {
            foreach (var (encoding, suffix) in new[] { ("identity", ""), ("br", ".br"), ("gzip", ".gz") })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.AcceptEncoding.ParseAdd(encoding);
                using var response = await http.SendAsync(request);
                var file = Path.Combine(copy, CopyFile(path) + suffix);
                Assert.True(File.Exists(file), $"{file} is missing");
                var sent = await response.Content.ReadAsByteArrayAsync();
                var copied = await File.ReadAllBytesAsync(file);
                Assert.True(sent.AsSpan().SequenceEqual(copied), $"{path} ({encoding}) differs from {file}");
            }
        }
    }

    /// <summary>The copy's layout as the README documents it: / is index.html, pages are .html, API documents .json.</summary>
    private static string CopyFile(string path) => path switch
    {
        "/" => "index.html",
        _ when path.StartsWith("/api/", StringComparison.Ordinal) => path[1..] + ".json",
        _ when Path.HasExtension(path) => path[1..],
        _ => path[1..] + ".html",
    };

    public Task DisposeAsync()
    {
        Directory.Delete(work, recursive: true);
        return Task.CompletedTask;
    }
}
