using System.Net;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Linking;

public sealed class HandoutTests(GuideFactory factory) : IClassFixture<GuideFactory>
{
    [Fact]
    public async Task HandoutHasACoverEachArticleInOrderAndOneMergedSourcesList()
    {
        var page = await factory.GetDocumentAsync("/handout?a=physical-therapy,sciatica");

        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal(["Physical therapy", "Sciatica"], page.QuerySelectorAll(".handout-contents a").Select(a => a.TextContent));
        Assert.Equal(["physical-therapy", "sciatica"], page.QuerySelectorAll("article.handout-article").Select(a => a.Id));
        Assert.Equal("/qr.svg?path=%2Fhandout%3Fa%3Dphysical-therapy%2Csciatica", page.QuerySelector(".handout-cover img.qr")!.GetAttribute("src"));
        Assert.Contains("last reviewed 1 November 2026", page.QuerySelector(".handout-contents")!.TextContent, StringComparison.Ordinal);

        // physical-therapy cites nerve2020 first; sciatica cites spasm2021 then nerve2020: merged, each source once.
        var sources = page.QuerySelectorAll(".sources li").ToList();
        Assert.Equal(["source-1", "source-2"], sources.Select(s => s.Id));
        Assert.Contains("A review of nerve roots", sources[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Guideline on muscle spasm", sources[1].TextContent, StringComparison.Ordinal);
        var sciaticaCites = page.QuerySelectorAll("#sciatica sup.cite a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal("#source-2", sciaticaCites[0]);
        Assert.Contains("#source-1", sciaticaCites);
    }

    [Fact]
    public async Task HandoutHeadingsAreUniqueAndNestedUnderTheArticleTitle()
    {
        var page = await factory.GetDocumentAsync("/handout?a=sciatica,radiculopathy");
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.NotNull(page.QuerySelector("#sciatica h3#sciatica-overview"));
        Assert.NotNull(page.QuerySelector("#radiculopathy h3#radiculopathy-overview"));
        Assert.Empty(page.QuerySelectorAll(".handout-article .prose h2"));
    }

    [Theory]
    [InlineData("", "at least one")]
    [InlineData("?a=", "at least one")]
    [InlineData("?a=,,,", "at least one")]
    [InlineData("?a=sciatica,nope", "nope")]
    [InlineData("?a=secret-draft", "secret-draft")]
    [InlineData("?a=a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11", "at most 10")]
    public async Task BadHandoutLinksAreA400WithAClearMessage(string query, string expected)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri("/handout" + query, UriKind.Relative));
        var page = await factory.GetDocumentAsync("/handout" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/handout/new");
    }

    [Fact]
    public async Task TheCoverNamesTheClinicWhenGivenAndKeepsLinesForNotes()
    {
        var plain = await factory.GetDocumentAsync("/handout?a=sciatica");
        var named = await factory.GetDocumentAsync("/handout?a=sciatica&print=large&clinic=%20Riverside%20Spine%20Clinic%20");

        Assert.Null(plain.QuerySelector(".handout-clinic"));
        Assert.Equal("Given to you by Riverside Spine Clinic", named.QuerySelector(".handout-cover .handout-clinic")!.TextContent);
        Assert.Equal(2, named.QuerySelectorAll(".handout-cover .handout-notes .write-line").Length);
        // Switching the print size keeps the clinic; the form to name one keeps the pages and the size.
        Assert.Contains(named.QuerySelectorAll(".handout-cover a"), a => a.GetAttribute("href") == "/handout?a=sciatica&clinic=Riverside%20Spine%20Clinic");
        var form = named.QuerySelector("form.clinic-form")!;
        Assert.Equal(["sciatica", "large"], form.QuerySelectorAll("input[type=hidden]").Select(i => i.GetAttribute("value")));
        Assert.Equal("Riverside Spine Clinic", form.QuerySelector("input[name=clinic]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task TheShortVersionGivesEachPageItsSummaryAndItsOwnWarningSignsWithoutTheFullText()
    {
        var page = await factory.GetDocumentAsync("/handout?a=sciatica,radiculopathy,physical-therapy&format=short");

        Assert.Equal(["sciatica", "radiculopathy", "physical-therapy"], page.QuerySelectorAll("article.handout-short").Select(a => a.Id));
        Assert.Empty(page.QuerySelectorAll(".handout-article .prose"));
        Assert.Null(page.QuerySelector("#handout-sources"));
        // Each page's signs, in the table's words, under its level: sciatica's emergency sign, radiculopathy's urgent one.
        Assert.Equal(["bladder-control"], page.QuerySelectorAll("#sciatica .care-emergency li").Select(li => li.GetAttribute("data-sign")));
        Assert.Equal("Losing control of your bladder", page.QuerySelector("#sciatica .care-emergency li")!.TextContent);
        Assert.Equal(["leg-weaker"], page.QuerySelectorAll("#radiculopathy .care-urgent li").Select(li => li.GetAttribute("data-sign")));
        Assert.Empty(page.QuerySelectorAll("#physical-therapy .care"));
        Assert.Contains("http://localhost/causes/sciatica", page.QuerySelector("#sciatica")!.TextContent, StringComparison.Ordinal);
        // The cover is the same, emergency box included, and links back to the full pages.
        Assert.NotNull(page.QuerySelector(".handout-cover .care-emergency"));
        Assert.Contains(page.QuerySelectorAll(".handout-cover a"), a => a.GetAttribute("href") == "/handout?a=sciatica,radiculopathy,physical-therapy");
    }

    [Fact]
    public async Task AnUnknownFormatIsA400()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri("/handout?a=sciatica&format=tiny", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("format=short", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&clinic=a&clinic=b")]
    [InlineData("&clinic=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task AClinicNameTwiceOrTooLongIsA400(string clinic)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri("/handout?a=sciatica" + clinic, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 80 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPageLinksTheHandoutBuilderForStaff()
    {
        foreach (var path in (string[])["/", "/causes/sciatica", "/sources", "/about"])
        {
            var page = await factory.GetDocumentAsync(path);
            Assert.Contains(page.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == "/handout/new");
        }
    }

    [Fact]
    public async Task FiftySlugsAreRefused()
    {
        using var client = factory.CreateNonRedirectingClient();
        var slugs = string.Join(',', Enumerable.Range(0, 50).Select(i => "slug" + i));
        using var response = await client.GetAsync(new Uri("/handout?a=" + slugs, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task HandoutAcceptsRepeatedParametersLikeAPlainForm()
    {
        var page = await factory.GetDocumentAsync("/handout?a=sciatica&a=physical-therapy&a=sciatica");
        Assert.Equal(["sciatica", "physical-therapy"], page.QuerySelectorAll("article.handout-article").Select(a => a.Id));
    }

    [Fact]
    public async Task BuilderWorksWithoutJavaScript()
    {
        var page = await factory.GetDocumentAsync("/handout/new?a=sciatica,physical-therapy");

        Assert.Equal(["Sciatica", "Physical therapy"], page.QuerySelectorAll(".chosen .chosen-title").Select(t => t.TextContent));
        Assert.Contains(page.QuerySelectorAll(".chosen a"), a => a.GetAttribute("href") == "/handout/new?a=physical-therapy,sciatica");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/handout?a=sciatica,physical-therapy");
        Assert.Equal("http://localhost/handout?a=sciatica,physical-therapy", page.QuerySelector("#handout-link")!.GetAttribute("value"));
        var form = page.QuerySelector("form.handout-picker")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("input[type=checkbox][name=a][value=sciatica][checked]"));
        Assert.Null(form.QuerySelector("input[value=secret-draft]"));
    }

    [Fact]
    public async Task TickingAnotherPageKeepsTheChosenOrderAndAddsItAtTheEnd()
    {
        // The chosen order was physical therapy then sciatica; the form's boxes come in the list's order.
        var added = await factory.GetDocumentAsync("/handout/new?order=physical-therapy,sciatica&a=sciatica&a=radiculopathy&a=physical-therapy");
        var unticked = await factory.GetDocumentAsync("/handout/new?order=physical-therapy,sciatica&a=sciatica");

        Assert.Equal(["Physical therapy", "Sciatica", "Radiculopathy"], added.QuerySelectorAll(".chosen .chosen-title").Select(t => t.TextContent));
        Assert.Equal("physical-therapy,sciatica,radiculopathy", added.QuerySelector("form.handout-picker input[type=hidden][name=order]")!.GetAttribute("value"));
        Assert.Equal(["Sciatica"], unticked.QuerySelectorAll(".chosen .chosen-title").Select(t => t.TextContent));
    }

    [Fact]
    public async Task BuilderFilterNarrowsTheList()
    {
        var page = await factory.GetDocumentAsync("/handout/new?q=exercise");
        Assert.Equal(["physical-therapy"], page.QuerySelectorAll("form.handout-picker input[type=checkbox]").Select(i => i.GetAttribute("value")));
    }
}
