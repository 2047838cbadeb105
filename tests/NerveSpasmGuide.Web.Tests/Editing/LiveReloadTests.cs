using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Web.Tests.Support;
using Xunit.Abstractions;

namespace NerveSpasmGuide.Web.Tests.Editing;

/// <summary>Edits files under a running host; each test gets its own content folder.</summary>
public sealed class LiveReloadTests(ITestOutputHelper output) : IDisposable
{
    private readonly GuideFactory factory = new();

    private string ArticlePath(string relative) => Path.Combine(factory.ContentPath, relative);

    private PublishedSite Site => factory.Services.GetRequiredService<SitePublisher>().Current!;

    [Fact]
    public async Task SavedEditIsServedOnTheNextRequests()
    {
        using var client = factory.CreateClient();
        Assert.Contains(">Physical therapy</h1>", await client.GetStringAsync(new Uri("/treatments/physical-therapy", UriKind.Relative)), StringComparison.Ordinal);
        var path = ArticlePath("treatments/physical-therapy.md");

        var stopwatch = Stopwatch.StartNew();
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("title: Physical therapy", "title: Physiotherapy", StringComparison.Ordinal));
        await Eventually.WaitUntilAsync(async () => (await client.GetStringAsync(new Uri("/treatments/physical-therapy", UriKind.Relative))).Contains(">Physiotherapy</h1>", StringComparison.Ordinal));
        stopwatch.Stop();

        // WaitUntilAsync fails the test when the edit is not served within its patience; the time is for the README.
        output.WriteLine($"edit visible after {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task BrokenEditKeepsTheLastGoodVersionAndIsReportedUntilFixed()
    {
        using var client = factory.CreateClient();
        var path = ArticlePath("treatments/physical-therapy.md");
        var good = await File.ReadAllTextAsync(path);
        _ = await client.GetStringAsync(new Uri("/health", UriKind.Relative));
        var before = Site.Version;

        await File.WriteAllTextAsync(path, good.Replace("summary:", "sumary:", StringComparison.Ordinal).Replace("Exercise helps", "BROKEN VERSION", StringComparison.Ordinal));
        await Eventually.WaitUntilAsync(() => Task.FromResult(Site.Version > before && Site.Summary.Errors > 0));

        var page = await client.GetStringAsync(new Uri("/treatments/physical-therapy", UriKind.Relative));
        Assert.Contains("Exercise helps", page, StringComparison.Ordinal);
        Assert.DoesNotContain("BROKEN VERSION", page, StringComparison.Ordinal);
        Assert.Contains(Site.Summary.Problems, p => p.Path == "treatments/physical-therapy.md" && p.Line == 3 && p.IsError);
        Assert.Equal(["treatments/physical-therapy.md"], Site.Summary.KeptPreviousVersions);

        await File.WriteAllTextAsync(path, good.Replace("Exercise helps", "Fixed text helps", StringComparison.Ordinal));
        await Eventually.WaitUntilAsync(async () => (await client.GetStringAsync(new Uri("/treatments/physical-therapy", UriKind.Relative))).Contains("Fixed text helps", StringComparison.Ordinal));
        Assert.Equal(0, Site.Summary.Errors);
        Assert.Empty(Site.Summary.KeptPreviousVersions);
    }

    [Fact]
    public async Task DeletedArticleIsRemovedAndLinksToItBecomeReportedProblems()
    {
        using var client = factory.CreateNonRedirectingClient();
        _ = await client.GetStringAsync(new Uri("/health", UriKind.Relative));

        File.Delete(ArticlePath("treatments/physical-therapy.md"));
        await Eventually.WaitUntilAsync(async () =>
            (await client.GetAsync(new Uri("/treatments/physical-therapy", UriKind.Relative))).StatusCode == HttpStatusCode.NotFound);

        using var linking = await client.GetAsync(new Uri("/causes/sciatica", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, linking.StatusCode);
        Assert.Contains("xref-missing", await linking.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(Site.Summary.Problems, p => p.Path == "causes/sciatica.md" && p.Message.Contains("[[physical-therapy]]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManyQuickSavesCauseFewImports()
    {
        using var client = factory.CreateClient();
        _ = await client.GetStringAsync(new Uri("/health", UriKind.Relative));
        var before = Site.Version;
        var path = ArticlePath("symptoms/muscle-spasms.md");
        var text = await File.ReadAllTextAsync(path);

        for (var i = 0; i < 30; i++)
        {
            await File.WriteAllTextAsync(path, text.Replace("tightens by itself", $"tightens by itself ({i})", StringComparison.Ordinal));
            await Task.Delay(20);
        }

        await Eventually.WaitUntilAsync(async () => (await client.GetStringAsync(new Uri("/symptoms/muscle-spasms", UriKind.Relative))).Contains("(29)", StringComparison.Ordinal));
        await Task.Delay(1000);
        var imports = Site.Version - before;
        output.WriteLine($"30 saves over ~0.6 s caused {imports} imports");
        Assert.InRange(imports, 1, 6);
    }

    public void Dispose() => factory.Dispose();
}
