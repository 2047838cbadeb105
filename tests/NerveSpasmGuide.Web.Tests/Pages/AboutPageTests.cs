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
}
