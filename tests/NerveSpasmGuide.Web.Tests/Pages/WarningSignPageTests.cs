using System.Net;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Pages;

/// <summary>Care cards, the home page and handouts all show warning signs in the words of warning-signs.yaml.</summary>
public sealed class WarningSignPageTests(GuideFactory factory) : IClassFixture<GuideFactory>
{
    [Fact]
    public async Task ArticleCardShowsTheTablesSignWithItsNumberedSource()
    {
        var page = await factory.GetDocumentAsync("/causes/sciatica");
        var sign = page.QuerySelector("aside.care-emergency li[data-sign=bladder-control]")!;

        Assert.StartsWith("Losing control of your bladder", sign.TextContent, StringComparison.Ordinal);
        var source = sign.QuerySelector("sup.cite a")!.GetAttribute("href")!;
        Assert.Contains("A review of nerve roots", page.QuerySelector(source)!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Call 911 or go to the nearest emergency room now", page.QuerySelector("aside.care-emergency .care-lead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePageListsTheEmergencySignsTheTableMarksForIt()
    {
        var page = await factory.GetDocumentAsync("/");
        var signs = page.QuerySelectorAll(".home-help li").ToList();

        Assert.Equal(["bladder-control"], signs.Select(li => li.GetAttribute("data-sign")));
        Assert.Equal("Losing control of your bladder", signs[0].TextContent);
    }

    [Fact]
    public async Task HandoutCoverAndCardsUseTheSameWordsAsThePage()
    {
        var handout = await factory.GetDocumentAsync("/handout?a=sciatica,radiculopathy");
        var article = await factory.GetDocumentAsync("/causes/radiculopathy");

        Assert.Equal(["Losing control of your bladder"], handout.QuerySelectorAll(".handout-cover li[data-sign]").Select(li => li.TextContent));
        var inHandout = handout.QuerySelector("#radiculopathy aside.care-urgent li[data-sign=leg-weaker]")!.TextContent;
        var onPage = article.QuerySelector("aside.care-urgent li[data-sign=leg-weaker]")!.TextContent;
        Assert.StartsWith("A leg that gets weaker over days", inHandout, StringComparison.Ordinal);
        Assert.Equal(onPage.TrimEnd(']', '[', '0', '1', '2', '3', ' '), inHandout.TrimEnd(']', '[', '0', '1', '2', '3', ' '));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/causes/sciatica")]
    [InlineData("/search?q=nerve")]
    public async Task EveryPageSaysWhichCountryItIsWrittenFor(string url)
    {
        var footer = (await factory.GetDocumentAsync(url)).QuerySelector("footer.site-footer")!.TextContent;

        Assert.Contains("Written for readers in the United States", footer, StringComparison.Ordinal);
        Assert.Contains("112 in the European Union, 999 in the UK", footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PictureIsServedFromTheStoreAsSvgAndShownWithItsAltText()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri("/media/disc.svg", UriKind.Relative));
        var page = await factory.GetDocumentAsync("/causes/sciatica");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<title id=\"t\">A disc between two bones</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.ETag);
        var image = page.QuerySelector(".prose img.figure")!;
        Assert.Equal(("/media/disc.svg", "A disc between two bones"), (image.GetAttribute("src"), image.GetAttribute("alt")));
    }

    [Theory]
    [InlineData("/media/missing.svg")]
    [InlineData("/media/..%2Fsources.yaml")]
    [InlineData("/media/disc.SVG")]
    public async Task OnlyCheckedPicturesAreServed(string url)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
