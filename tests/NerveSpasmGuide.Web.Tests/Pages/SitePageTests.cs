using System.Net;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Pages;

public sealed class SitePageTests(GuideFactory factory) : IClassFixture<GuideFactory>
{
    [Fact]
    public async Task HomeOffersSearchEntryPointsAndHelpNow()
    {
        var page = await factory.GetDocumentAsync("/");

        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.NotNull(page.QuerySelector("main form[role=search] input[name=q]"));
        Assert.Contains("Get help now", page.QuerySelector(".home-help")!.TextContent, StringComparison.Ordinal);
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/causes/sciatica", links);
        Assert.Contains("/symptoms/muscle-spasms", links);
        Assert.Contains("/treatments/physical-therapy", links);
        Assert.Contains("/guides/when-to-get-urgent-help", links);
    }

    [Fact]
    public async Task NavigationAndIndexTitlesComeFromTheOneTableOfKinds()
    {
        var page = await factory.GetDocumentAsync("/");
        var nav = page.QuerySelectorAll("nav.site-nav a").Select(a => (a.GetAttribute("href") ?? "", a.TextContent)).ToList();

        Assert.Equal(ArticleKinds.Table.Select(k => ("/" + k.Folder, k.PluralTitle)), nav);
        foreach (var kind in ArticleKinds.Table)
        {
            var index = await factory.GetDocumentAsync("/" + kind.Folder);
            Assert.Equal(kind.PluralTitle, index.QuerySelector("h1")!.TextContent);
            Assert.Equal(kind.Intro, index.QuerySelector("p.lead")!.TextContent);
        }
    }

    [Theory]
    [InlineData("/causes", "Radiculopathy", "A pinched or irritated nerve root near the spine.")]
    [InlineData("/treatments", "Physical therapy", "Exercise and movement guided by a physical therapist.")]
    [InlineData("/symptoms", "Muscle spasms", "Sudden tightening of a muscle that you cannot relax.")]
    public async Task KindIndexListsArticlesWithSummaries(string url, string title, string summary)
    {
        var page = await factory.GetDocumentAsync(url);
        var card = page.QuerySelectorAll(".card").Single(c => c.QuerySelector("a")!.TextContent == title);

        Assert.Equal(summary, card.QuerySelector("p")!.TextContent);
    }

    [Theory]
    [InlineData("/mechanisms")]
    [InlineData("/guides")]
    public async Task EmptyKindIndexSaysSo(string url)
    {
        var page = await factory.GetDocumentAsync(url);
        Assert.Contains("There are no pages here yet.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourcesPageListsEachSourceWithTheArticlesCitingIt()
    {
        var page = await factory.GetDocumentAsync("/sources");
        var nerve = page.QuerySelector("li#nerve2020")!;
        var unused = page.QuerySelector("li#unused2019")!;

        Assert.Equal(["/treatments/physical-therapy", "/causes/radiculopathy", "/causes/sciatica"],
            nerve.QuerySelectorAll(".cited-by a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Not yet used", unused.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/causes/no-such-cause")]
    [InlineData("/guides/secret-draft")]
    public async Task UnknownPagesGetAFriendly404WithSearch(string url)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var page = await factory.GetDocumentAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("main form[role=search]"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/causes/sciatica")]
    [InlineData("/search?q=x")]
    [InlineData("/no-such-page")]
    [InlineData("/health")]
    [InlineData("/css/site.css")]
    public async Task EveryResponseCarriesSecurityHeaders(string url)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthIsOkOnceTheStoreIsLoaded()
    {
        using var client = factory.CreateClient();
        var body = await client.GetStringAsync(new Uri("/health", UriKind.Relative));

        Assert.Contains("\"status\":\"ok\"", body, StringComparison.Ordinal);
        Assert.Contains("\"articles\":4", body, StringComparison.Ordinal);
        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/health/live", UriKind.Relative)));
        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
    }

    [Fact]
    public async Task EveryPageHasOneH1SkipLinkAndMainLandmark()
    {
        foreach (var url in new[] { "/", "/causes", "/causes/sciatica", "/search?q=nerve", "/sources", "/nope" })
        {
            var page = await factory.GetDocumentAsync(url);
            Assert.Single(page.QuerySelectorAll("h1"));
            Assert.Equal("#main", page.QuerySelector("a.skip-link")!.GetAttribute("href"));
            Assert.NotNull(page.QuerySelector("main#main"));
            Assert.NotNull(page.QuerySelector("nav[aria-label=Main]"));
            Assert.Contains("general information", page.QuerySelector("footer.site-footer")!.TextContent, StringComparison.Ordinal);
        }
    }
}
