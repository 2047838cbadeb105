using System.Net;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Pages;

public sealed class ArticlePageTests(GuideFactory factory) : IClassFixture<GuideFactory>
{
    [Fact]
    public async Task ArticleShowsTitleAlsoCalledBodyAndCareCard()
    {
        var page = await factory.GetDocumentAsync("/causes/sciatica");

        Assert.Equal("Sciatica", Assert.Single(page.QuerySelectorAll("h1")).TextContent);
        Assert.Contains("sciatic nerve pain", page.QuerySelector(".also-called")!.TextContent, StringComparison.Ordinal);
        var card = page.QuerySelector("aside.care-emergency")!;
        Assert.Contains("Call 911", card.TextContent, StringComparison.Ordinal);
        Assert.Equal("Pain that runs from the lower back down one leg.", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task WhatToDoNowSitsUnderTheSummaryAndLinksToThePagesOwnCareCards()
    {
        var page = await factory.GetDocumentAsync("/causes/sciatica");
        var box = page.QuerySelector(".article-header + .act-now")!;
        var lines = box.QuerySelectorAll("li").ToList();

        Assert.Equal(page.QuerySelectorAll("aside.care").Select(c => c.Id!.Replace("care-", "", StringComparison.Ordinal)), lines.Select(l => l.GetAttribute("data-care-level")));
        Assert.StartsWith("Call 911 now", lines[0].TextContent, StringComparison.Ordinal);
        foreach (var link in box.QuerySelectorAll("a"))
        {
            Assert.NotNull(page.QuerySelector(link.GetAttribute("href")!));
        }

        Assert.NotNull(page.QuerySelector(".act-now + .also-called"));
    }

    [Fact]
    public async Task WhatToDoNowGivesOnlyTheLevelsThePageHas()
    {
        var page = await factory.GetDocumentAsync("/causes/radiculopathy");
        var line = Assert.Single(page.QuerySelectorAll(".act-now li"));

        Assert.Equal("urgent", line.GetAttribute("data-care-level"));
        Assert.Equal("Get medical help today if you have the sign listed below", line.TextContent);
        Assert.Equal("#care-urgent", line.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task SourcesComeOpenInAFoldableListForPhones()
    {
        var page = await factory.GetDocumentAsync("/causes/sciatica");
        var details = page.QuerySelector(".sources > details.fold-on-phone")!;

        Assert.True(details.HasAttribute("open"));
        Assert.Equal("Sources (2)", details.QuerySelector("summary h2")!.TextContent);
        Assert.Equal(2, details.QuerySelectorAll("li").Length);
    }

    [Theory]
    [InlineData("/causes/sciatica", true)]
    [InlineData("/sources", true)]
    [InlineData("/", false)]
    [InlineData("/handout/new?a=sciatica", false)]
    [InlineData("/handout?a=sciatica", false)]
    [InlineData("/handout?a=no-such-page", true)]
    public async Task TheEmergencyStripIsLeftOffPagesThatShowTheEmergencySignsInFullAndTheHandoutBuilder(string path, bool shown)
    {
        var page = await factory.GetDocumentAsync(path);

        Assert.Equal(shown, page.QuerySelector(".help-strip") is not null);
    }

    [Fact]
    public async Task InlineLinksPointAtArticlesOfOtherKinds()
    {
        var page = await factory.GetDocumentAsync("/causes/sciatica");
        var links = page.QuerySelectorAll(".prose a.xref").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();

        Assert.Contains(("/causes/radiculopathy", "radiculopathy"), links);
        Assert.Contains(("/treatments/physical-therapy", "exercise with a therapist"), links);
    }

    [Fact]
    public async Task CitationsAreNumberedInOrderOfFirstUseAndMatchTheSourcesList()
    {
        var page = await factory.GetDocumentAsync("/causes/sciatica");
        var citeNumbers = page.QuerySelectorAll(".prose sup.cite a").Select(a => a.TextContent).ToList();
        var sources = page.QuerySelectorAll(".sources li").ToList();

        // The last is the emergency card's sign, whose source comes from warning-signs.yaml.
        Assert.Equal(["1", "2", "1", "2", "2", "2"], citeNumbers);
        Assert.Equal(["source-1", "source-2"], sources.Select(li => li.Id));
        Assert.Contains("Guideline on muscle spasm", sources[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("A review of nerve roots", sources[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("https://doi.org/10.1000/nerve.2020", sources[1].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task RelatedLinksComeFromFrontMatterGroupedByKind()
    {
        var page = await factory.GetDocumentAsync("/causes/sciatica");
        var related = page.QuerySelector(".related")!;

        Assert.Equal(["Causes", "Treatments"], related.QuerySelectorAll("h3").Select(h => h.TextContent));
        Assert.Equal(["/causes/radiculopathy", "/treatments/physical-therapy"], related.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task BacklinksListThePublishedArticlesThatLinkHereAndAreNotAlreadyRelated()
    {
        var page = await factory.GetDocumentAsync("/causes/sciatica");
        var backlinks = page.QuerySelector(".backlinks")!;

        // Radiculopathy and physical therapy link here too, but "Related pages" already lists them.
        Assert.Equal(["Symptoms"], backlinks.QuerySelectorAll("h3").Select(h => h.TextContent));
        Assert.Equal(["/symptoms/muscle-spasms"], backlinks.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain("draft", backlinks.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReviewDatesAndOneDisclaimerAreShown()
    {
        var page = await factory.GetDocumentAsync("/causes/sciatica");
        var footer = page.QuerySelector(".article-footer")!.TextContent;

        Assert.Contains("Page last reviewed: 1 November 2026", footer, StringComparison.Ordinal);
        Assert.Contains("Next review due: 1 November 2029", footer, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("p"), p => p.TextContent.Contains("does not replace advice from", StringComparison.Ordinal));
        Assert.Contains("M54.30, M54.31, M54.32", footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageHistoryListsTheChangesNewestFirstAtTheFootWithDatesLikeTheReviewDates()
    {
        var page = await factory.GetDocumentAsync("/causes/sciatica");
        var history = page.QuerySelector("section.page-history")!;

        Assert.Equal("Page history", history.QuerySelector("h2")!.TextContent);
        Assert.Equal(
            ["1 November 2026: The treatment section now points to physical therapy & says why.", "4 May 2026: First published."],
            history.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Equal(["2026-11-01", "2026-05-04"], history.QuerySelectorAll("li time").Select(t => t.GetAttribute("datetime")));
        // At the foot: after the sources, just before the review dates.
        Assert.Same(page.QuerySelector(".article-footer"), history.NextElementSibling);
        Assert.Null((await factory.GetDocumentAsync("/causes/radiculopathy")).QuerySelector("section.page-history"));
    }

    [Fact]
    public async Task TableOfContentsAppearsOnLongPagesOnlyWithWhenToGetHelpFirst()
    {
        var longPage = await factory.GetDocumentAsync("/causes/sciatica");
        var shortPage = await factory.GetDocumentAsync("/symptoms/muscle-spasms");

        Assert.Equal(["#when-to-get-help", "#overview", "#symptoms", "#treatment"], longPage.QuerySelectorAll(".toc a").Select(a => a.GetAttribute("href")));
        Assert.Null(shortPage.QuerySelector(".toc"));
    }

    [Fact]
    public async Task HtmlAndScriptLinksInContentAreInert()
    {
        var page = await factory.GetDocumentAsync("/treatments/physical-therapy");
        var prose = page.QuerySelector(".prose")!;

        Assert.Empty(prose.QuerySelectorAll("script"));
        Assert.All(page.QuerySelectorAll("script:not([type='application/ld+json'])"), script => Assert.Matches(@"^/js/(site|search-suggest|feedback)\.js\?v=", script.GetAttribute("src")));
        Assert.Contains("<script>alert('x')</script>", prose.TextContent, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)>", prose.TextContent, StringComparison.Ordinal);
        Assert.Empty(prose.QuerySelectorAll("img"));
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/causes/sciatic-nerve-pain", "/causes/sciatica")]
    [InlineData("/symptoms/sciatica", "/causes/sciatica")]
    [InlineData("/guides/sciatic-nerve-pain", "/causes/sciatica")]
    [InlineData("/causes/Sciatica", "/causes/sciatica")]
    public async Task AliasesAndWrongKindsRedirectPermanently(string requested, string expected)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri(requested, UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task DraftsAreNotPublished()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var draft = await client.GetAsync(new Uri("/guides/secret-draft", UriKind.Relative));
        var index = await client.GetStringAsync(new Uri("/guides", UriKind.Relative));
        var search = await client.GetStringAsync(new Uri("/search?q=zebrafish", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.DoesNotContain("zebrafish", index, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("No pages match", search, StringComparison.Ordinal);
    }
}
