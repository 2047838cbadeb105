using System.Net;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Linking;

public sealed class LargePrintTests(GuideFactory factory) : IClassFixture<GuideFactory>
{
    [Fact]
    public async Task LargePrintHasTheSameContentUnderTheLargePrintClass()
    {
        var standard = await factory.GetDocumentAsync("/handout?a=sciatica,radiculopathy");
        var large = await factory.GetDocumentAsync("/handout?a=sciatica,radiculopathy&print=large");

        Assert.Equal("large-print", large.DocumentElement.ClassName);
        Assert.Null(standard.DocumentElement.GetAttribute("class"));
        Assert.Equal(
            standard.QuerySelectorAll(".handout-article").Select(a => a.TextContent),
            large.QuerySelectorAll(".handout-article").Select(a => a.TextContent));
        Assert.Contains(standard.QuerySelectorAll(".handout-cover a"), a => a.GetAttribute("href") == "/handout?a=sciatica,radiculopathy&print=large");
        Assert.Contains(large.QuerySelectorAll(".handout-cover a"), a => a.GetAttribute("href") == "/handout?a=sciatica,radiculopathy");
    }

    [Fact]
    public async Task TheStylesheetSetsLargePrintBodyTextToAtLeast18Points()
    {
        using var client = factory.CreateClient();
        var css = await client.GetStringAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.Contains("html.large-print { font-size: 18pt; }", css, StringComparison.Ordinal);
        Assert.Contains("html.large-print body { font-size: 1rem;", css, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&print=small")]
    [InlineData("&print=large&print=large")]
    public async Task AnUnknownPrintSizeIs400(string query)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri("/handout?a=sciatica" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("print=large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
