using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using NerveSpasmGuide.Web.Search;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Pages;

public sealed class SearchTests(GuideFactory factory) : IClassFixture<GuideFactory>
{
    [Fact]
    public async Task SearchFindsRadiculopathyForPinchedNerve()
    {
        var page = await factory.GetDocumentAsync("/search?q=pinched+nerve");
        var first = page.QuerySelector(".results li")!;

        Assert.Equal("/causes/radiculopathy", first.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("pinched nerve", first.QuerySelector(".matched")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchesBeyondTheConcurrencyBoundWaitTheirTurnInsteadOfBeingRefused()
    {
        // The English and the Spanish search (/search, /es/search) are one page with two routes, under one bound.
        var searches = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath == "/Search").ToList();
        Assert.Equal(2, searches.Count);
        Assert.All(searches, search => Assert.Equal(SearchEndpoints.ConcurrencyPolicy, search.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName));

        using var client = factory.CreateClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8 * Environment.ProcessorCount)
            .Select(i => client.GetAsync(new Uri($"/search?q=nerve+pain&unique={i}", UriKind.Relative))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }

    [Fact]
    public async Task SearchRanksTitleMatchesFirstAndHighlightsWords()
    {
        var page = await factory.GetDocumentAsync("/search?q=sciatica");
        var results = page.QuerySelectorAll(".results li").ToList();

        Assert.Equal("/causes/sciatica", results[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(results, r => r.QuerySelectorAll("mark").Any(m => m.TextContent.Equals("Sciatica", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task SearchUsesStemmingAndPrefixes()
    {
        var stemmed = await factory.GetDocumentAsync("/search?q=squeezing");
        var prefix = await factory.GetDocumentAsync("/search?q=radicul");

        Assert.Contains(stemmed.QuerySelectorAll(".results a"), a => a.GetAttribute("href") == "/causes/radiculopathy");
        Assert.Contains(prefix.QuerySelectorAll(".results a"), a => a.GetAttribute("href") == "/causes/radiculopathy");
    }

    [Fact]
    public async Task SearchFallsBackToAnyWordWhenNoPageHasAll()
    {
        var page = await factory.GetDocumentAsync("/search?q=sciatica+xylophone");
        Assert.Contains(page.QuerySelectorAll(".results a"), a => a.GetAttribute("href") == "/causes/sciatica");
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unbalanced")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData("nerve -pain")]
    [InlineData("title:sciatica")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(sciatica nerve, 2)")]
    [InlineData("(((")]
    [InlineData("sciatica OR AND NOT")]
    [InlineData("^ $ % & { } [ ] \\")]
    [InlineData("'; DROP TABLE articles; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("神経 痛")]
    [InlineData("   ")]
    public async Task AnySearchInputGivesAPageNeverAnError(string query)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("Search the guide", html, StringComparison.Ordinal);
    }

    /// <summary>Already percent-encoded: invalid UTF-8, quotes and operators, and queries of 10 KB and 1 MB.</summary>
    [Theory]
    [InlineData("%FF%FE")]
    [InlineData("%C0%AF%C0%AE")]
    [InlineData("sciatica%ED%A0%80")]
    [InlineData("%22sciatca%22%20OR%20%22a%22")]
    [InlineData("NEAR(%22a%22%20%22b%22%2C%202)%20AND%20-x*")]
    [InlineData("sciatca&exact=maybe")]
    [InlineData("sciatca&exact=true&exact=false")]
    [InlineData("10kb")]
    [InlineData("1mb")]
    public async Task HostileEncodedOrHugeSearchGivesAPageNeverAnError(string encoded)
    {
        var query = encoded switch
        {
            "10kb" => string.Concat(Enumerable.Repeat("sciatca%20%22", 800)),
            "1mb" => new string('a', 1024 * 1024),
            _ => encoded,
        };
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri("/search?q=" + query, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Search the guide", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VeryLongSearchIsShortenedAndSaysSo()
    {
        var query = string.Concat(Enumerable.Repeat("sciatica ", 1200));
        var page = await factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Contains("very long", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".results a"), a => a.GetAttribute("href") == "/causes/sciatica");
    }

    [Fact]
    public async Task EmptySearchOffersExamples()
    {
        var page = await factory.GetDocumentAsync("/search");
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/search?q=pinched+nerve");
    }
}
