using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Pages;

public sealed class AboutPageTests(GuideFactory factory) : IClassFixture<GuideFactory>
{
    [Theory]
    [InlineData("/about")]
    [InlineData("/about/editorial-policy")]
    public async Task WithoutPublisherOrContactThePagesSaySoPlainly(string path)
    {
        var page = await factory.GetDocumentAsync(path);
        var text = page.QuerySelector("main")!.TextContent;

        Assert.Contains("publisher of this copy of the guide has not been named", text, StringComparison.Ordinal);
        Assert.Contains("No way to contact the editors has been set up", text, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main a[href^='mailto:']"));
    }

    [Fact]
    public async Task EveryPageFooterLinksToAboutAndTheEditorialPolicyAndTheDefaultNameIsReadable()
    {
        foreach (var url in new[] { "/", "/causes/sciatica", "/sources", "/nope" })
        {
            var page = await factory.GetDocumentAsync(url);
            var links = page.QuerySelectorAll(".site-footer a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Contains("/about", links);
            Assert.Contains("/about/editorial-policy", links);
            Assert.Equal("Nerve & Spasm Guide", page.QuerySelector(".brand")!.TextContent);
        }
    }
}

public sealed class ConfiguredPublisherFactory : GuideFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Guide:SiteName", "Back Pain Guide");
        builder.UseSetting("Guide:Publisher", "Example Health Library");
        builder.UseSetting("Guide:ContactEmail", "editors@guide.example.org");
    }
}

public sealed class ConfiguredAboutPageTests(ConfiguredPublisherFactory factory) : IClassFixture<ConfiguredPublisherFactory>
{
    [Fact]
    public async Task AboutNamesTheConfiguredPublisherContactAndSiteName()
    {
        var page = await factory.GetDocumentAsync("/about");

        Assert.Equal("About Back Pain Guide", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("published by Example Health Library", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("mailto:editors@guide.example.org", page.QuerySelector("main a[href^='mailto:']")!.GetAttribute("href"));
        Assert.DoesNotContain("has not been named", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("| Back Pain Guide", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFeedTheClinicFeedAndTheChartNoteCarryTheConfiguredSiteName()
    {
        using var client = factory.CreateClient();
        XNamespace atom = "http://www.w3.org/2005/Atom";

        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/feed.xml", UriKind.Relative))).Root!;
        using var connect = JsonDocument.Parse(await client.GetStringAsync(new Uri(
            "/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=M54.31&knowledgeResponseType=application/json", UriKind.Relative)));
        var note = await client.GetStringAsync(new Uri("/handout/note?a=sciatica", UriKind.Relative));

        Assert.Equal("Back Pain Guide: recently reviewed articles", feed.Element(atom + "title")!.Value);
        Assert.Equal("Back Pain Guide", connect.RootElement.GetProperty("feed").GetProperty("title").GetString());
        Assert.Contains(": Back Pain Guide handout, 1 page.", note, StringComparison.Ordinal);
        Assert.DoesNotContain("NerveSpasmGuide", feed.ToString() + connect.RootElement + note, StringComparison.Ordinal);
    }
}
