using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using NerveSpasmGuide.Data.Linking;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Web.Pages.Handout;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Pages;

/// <summary>The fixture set plus many more causes, all citing one source: pages that list articles stay bounded.</summary>
public class LargeSiteFactory : GuideFactory
{
    public const int ExtraCauses = 120;

    public LargeSiteFactory()
    {
        for (var i = 0; i < ExtraCauses; i++)
        {
            var path = Path.Combine(ContentPath, "causes", $"extra-cause-{i:00}.md");
            File.WriteAllText(path, $"""
                ---
                title: Extra cause {i:00}
                summary: One of many causes, for testing long lists.
                last_reviewed: 2026-11-01
                next_review: 2029-11-01
                ---

                ## Overview

                A cause of nerve pain, linked from [[sciatica]] [@nerve2020].

                ::: urgent leg-weaker
                :::
                """);
        }
    }
}

public sealed class LargeSiteTests(LargeSiteFactory factory) : IClassFixture<LargeSiteFactory>
{
    private const int FixtureCauses = 2;
    private const int FixtureArticlesCitingNerve2020 = 3;

    [Fact]
    public async Task HomeShowsTheFirstCausesAndCountsTheRest()
    {
        var page = await factory.GetDocumentAsync("/");
        var causes = page.QuerySelector("section[aria-labelledby='by-cause']")!;

        Assert.Equal(ArticleQueries.HomeSectionSize, causes.QuerySelectorAll(".card").Length);
        Assert.Equal($"All {FixtureCauses + LargeSiteFactory.ExtraCauses} causes", causes.QuerySelector("a[href='/causes']")!.TextContent);
        Assert.Equal("All symptoms", page.QuerySelector("section[aria-labelledby='by-symptom'] a[href='/symptoms']")!.TextContent);
    }

    [Fact]
    public async Task CausesIndexStillListsEveryCause()
    {
        var page = await factory.GetDocumentAsync("/causes");

        Assert.Equal(FixtureCauses + LargeSiteFactory.ExtraCauses, page.QuerySelectorAll("main .card").Length);
    }

    [Fact]
    public async Task SourcesPageNamesTheFirstCitingArticlesAndCountsTheRest()
    {
        var page = await factory.GetDocumentAsync("/sources");
        var nerve = page.QuerySelector("li#nerve2020 .cited-by")!;
        var total = FixtureArticlesCitingNerve2020 + LargeSiteFactory.ExtraCauses;

        Assert.Equal(ArticleQueries.CitedByShown, nerve.QuerySelectorAll("a").Length);
        Assert.EndsWith($" and {total - ArticleQueries.CitedByShown} more articles.", nerve.TextContent, StringComparison.Ordinal);
        Assert.Equal("/causes/extra-cause-00", nerve.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ApiListComesInPagesLinkedByTheLinkHeader()
    {
        using var client = factory.CreateClient();
        using var first = await client.GetAsync(new Uri("/api/articles", UriKind.Relative));
        using var firstJson = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var firstLinks = string.Join(", ", first.Headers.GetValues("Link"));

        Assert.Equal(PublicationQueries.ApiPageSize, firstJson.RootElement.GetArrayLength());
        Assert.Contains("<http://localhost/api/articles?page=2>; rel=\"next\"", firstLinks, StringComparison.Ordinal);
        Assert.Contains("<http://localhost/api/articles?page=2>; rel=\"last\"", firstLinks, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", firstLinks, StringComparison.Ordinal);

        // The cached copy keeps the header.
        using var again = await client.GetAsync(new Uri("/api/articles", UriKind.Relative));
        Assert.Equal(firstLinks, string.Join(", ", again.Headers.GetValues("Link")));

        using var second = await client.GetAsync(new Uri("/api/articles?page=2", UriKind.Relative));
        using var secondJson = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Contains("<http://localhost/api/articles>; rel=\"prev\"", string.Join(", ", second.Headers.GetValues("Link")), StringComparison.Ordinal);

        var urls = firstJson.RootElement.EnumerateArray().Concat(secondJson.RootElement.EnumerateArray()).Select(a => a.GetProperty("url").GetString()).ToList();
        Assert.Equal(urls.Count, urls.Distinct().Count());
        Assert.Equal(await SitemapArticleUrlsAsync(client), urls.Order());
    }

    [Theory]
    [InlineData("/api/articles?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles?page=-1", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles?page=two", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles?page=1&page=2", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles?page=99999999999", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles?page=3", HttpStatusCode.NotFound)]
    public async Task ApiPageOutOfRangeIsAClearClientError(string url, HttpStatusCode expected)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FeedHoldsTheMostRecentlyReviewedArticlesAndTheSitemapHoldsThemAll()
    {
        using var client = factory.CreateClient();
        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/feed.xml", UriKind.Relative))).Root!;
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var updated = feed.Elements(atom + "entry").Select(e => DateTimeOffset.Parse(e.Element(atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(PublicationQueries.FeedSize, updated.Count);
        Assert.Equal(updated.OrderDescending(), updated);
        Assert.True((await SitemapArticleUrlsAsync(client)).Count >= FixtureCauses + LargeSiteFactory.ExtraCauses);
    }

    [Fact]
    public async Task HandoutBuilderOffersAScreenfulPerKindAndTheFilterFindsTheRest()
    {
        var page = await factory.GetDocumentAsync("/handout/new?a=extra-cause-99");
        var causes = page.QuerySelectorAll("fieldset").Single(f => f.QuerySelector("legend")!.TextContent == "Causes");
        var total = FixtureCauses + LargeSiteFactory.ExtraCauses;

        // The chosen page is offered (ticked) on top of the limit, and the rest are counted.
        Assert.Equal(NewModel.MaxChoicesPerKind + 1, causes.QuerySelectorAll("input[type=checkbox]").Length);
        Assert.NotNull(causes.QuerySelector("input#pick-extra-cause-99[checked]"));
        Assert.Contains($"And {total - NewModel.MaxChoicesPerKind - 1} more.", causes.QuerySelector(".more-choices")!.TextContent, StringComparison.Ordinal);

        var filtered = await factory.GetDocumentAsync("/handout/new?q=cause+42");
        Assert.Equal(["pick-extra-cause-42"], filtered.QuerySelectorAll("input[type=checkbox]").Select(i => i.Id));
        Assert.Null(filtered.QuerySelector(".more-choices"));
    }

    private static async Task<List<string>> SitemapArticleUrlsAsync(HttpClient client)
    {
        var sitemap = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        // The site's own pages (home, sections, sources, about) carry no lastmod; articles do.
        return [.. sitemap.Root!.Elements(ns + "url").Where(u => u.Element(ns + "lastmod") is not null).Select(u => u.Element(ns + "loc")!.Value).Order()];
    }
}
