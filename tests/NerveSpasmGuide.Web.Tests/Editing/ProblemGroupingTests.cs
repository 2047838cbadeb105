using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using NerveSpasmGuide.Data.Import;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Editing;

/// <summary>The dashboard as a workspace: problems by the file to fix, each article's status, sources and counts.</summary>
public sealed class ProblemGroupingTests : IDisposable
{
    private const string Broken = "treatments/physical-therapy.md";
    private readonly EditorFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task AMisspeltKeyHeadsTheBrokenLinksItCausesAndTheArticleShowsAsLeftOut()
    {
        // Broken before the first import: there is no last good version, so the page is left out.
        var path = Path.Combine(factory.ContentPath, Broken);
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("title:", "titel:", StringComparison.Ordinal));
        var page = await DashboardAsync();

        var first = page.QuerySelectorAll(".problem-group")[0];
        Assert.Equal("problems-" + Broken, first.Id);
        Assert.Equal("left out", first.QuerySelector(".file-status")!.TextContent);
        var own = first.QuerySelectorAll("tr:not(.consequence) td:last-child").Select(td => td.TextContent).ToList();
        var caused = first.QuerySelectorAll("tr.consequence").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        Assert.Contains(own, m => m.Contains("'titel'", StringComparison.Ordinal));
        Assert.All(caused, row => Assert.StartsWith("causes/sciatica.md:", row[1], StringComparison.Ordinal));
        Assert.Contains(caused, row => row[2].Contains("[[physical-therapy]]", StringComparison.Ordinal));
        Assert.Contains(caused, row => row[2].Contains("related treatments 'physical-therapy'", StringComparison.Ordinal));

        // Each problem is listed once: the link problems are not under sciatica's own file as well.
        var sciatica = page.GetElementById("problems-causes/sciatica.md");
        Assert.DoesNotContain("physical-therapy", sciatica?.TextContent ?? "", StringComparison.Ordinal);
        var summary = factory.Services.GetRequiredService<Data.Publishing.SitePublisher>().Current!.Summary;
        Assert.Equal(summary.Problems.Count, page.QuerySelectorAll(".problem-group tbody tr:not(.consequence-head)").Length);

        var row = ArticleRow(page, Broken);
        Assert.Equal("left out", row[1]);
        Assert.Equal("live", ArticleRow(page, "causes/sciatica.md")[1]);
    }

    [Fact]
    public async Task AnEditThatBreaksAPublishedArticleShowsItAtItsLastGoodVersion()
    {
        await DashboardAsync();
        var path = Path.Combine(factory.ContentPath, Broken);
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("title:", "titel:", StringComparison.Ordinal));
        await factory.Services.GetRequiredService<GuideImporter>().ImportAsync(CancellationToken.None);
        var page = await DashboardAsync();

        Assert.Equal("last good version", ArticleRow(page, Broken)[1]);
        var group = page.GetElementById("problems-" + Broken)!;
        Assert.Equal("last good version", group.QuerySelector(".file-status")!.TextContent);
        Assert.Empty(group.QuerySelectorAll("tr.consequence"));
    }

    [Fact]
    public async Task SourcesCountCitationUsesAndCitingArticlesApartAndCountsReadInTheSingular()
    {
        var page = await DashboardAsync();
        var sources = page.QuerySelectorAll("#sources-title ~ .table-scroll tbody tr")
            .ToDictionary(tr => tr.QuerySelector("code")!.TextContent, tr => tr.QuerySelectorAll("td").Skip(2).Select(td => td.TextContent).ToList());

        // sciatica cites nerve2020 three times in its text and once through its card's warning sign; radiculopathy, physical therapy and the draft once each.
        Assert.Equal(["7", "4"], sources["nerve2020"]);
        // sciatica twice, muscle spasms once, radiculopathy once through its card's sign.
        Assert.Equal(["4", "3"], sources["spasm2021"]);
        Assert.Equal(["0", "0"], sources["unused2019"]);
        var import = page.QuerySelector(".import-summary")!.TextContent;
        Assert.Contains("1 draft,", import, StringComparison.Ordinal);
        Assert.DoesNotContain("1 drafts", page.Body!.TextContent, StringComparison.Ordinal);
    }

    private async Task<IHtmlDocument> DashboardAsync()
    {
        using var client = factory.CreateNonRedirectingClient();
        var cookie = await EditorSignIn.SessionCookieAsync(client, EditorFactory.Token, "192.0.2.40");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/editor");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The cells of the articles table's row for a file (found by its file column).</summary>
    private static List<string> ArticleRow(IHtmlDocument page, string sourcePath) =>
        [.. page.QuerySelectorAll("table.articles tbody tr")
            .Single(tr => tr.QuerySelectorAll("td")[^1].TextContent.Trim() == sourcePath)
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim())];
}
