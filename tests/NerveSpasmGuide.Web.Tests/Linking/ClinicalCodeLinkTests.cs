using System.Net;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Linking;

/// <summary>/code/snomed/{id} and /code/rxnorm/{rxcui}, with the rules of the ICD-10-CM /code/{code}.</summary>
public sealed class ClinicalCodeLinkTests(GuideFactory factory) : IClassFixture<GuideFactory>
{
    [Theory]
    [InlineData("/code/snomed/23056005", "/causes/sciatica")]
    [InlineData("/code/snomed/128196005", "/causes/radiculopathy")]
    [InlineData("/code/rxnorm/187832", "/causes/radiculopathy")]
    public async Task ACodeOneArticleListsRedirectsToIt(string url, string expected)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/code/snomed/72274001")]
    [InlineData("/code/rxnorm/25480")]
    public async Task ACodeSeveralArticlesListShowsAChooser(string url)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var page = await factory.GetDocumentAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["/causes/radiculopathy", "/causes/sciatica"], page.QuerySelectorAll(".card a").Select(a => a.GetAttribute("href")));
        Assert.Contains(url.Split('/')[^1], page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/code/snomed/91251008")] // a valid concept id no fixture article lists
    [InlineData("/code/rxnorm/5640")]
    public async Task AWellFormedCodeNoArticleListsIs404WithSearch(string url)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var page = await factory.GetDocumentAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(page.QuerySelector("form[role=search]"));
    }

    [Theory]
    [InlineData("/code/snomed/23056006")] // check digit wrong
    [InlineData("/code/snomed/M54.31")]
    [InlineData("/code/snomed/12345")]
    [InlineData("/code/rxnorm/0704")]
    [InlineData("/code/rxnorm/abc")]
    [InlineData("/code/rxnorm/123456789")]
    public async Task AMalformedCodeIs400AndSaysWhatTheCodesLookLike(string url)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var page = await factory.GetDocumentAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(url.Contains("snomed", StringComparison.Ordinal) ? "SNOMED CT" : "RxNorm", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCodeSystemSegmentIs404()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri("/code/loinc/12345", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ArticlePagesShowTheirCodesForClinicians()
    {
        var page = await factory.GetDocumentAsync("/causes/sciatica");
        var codes = page.QuerySelector(".codes")!.TextContent;

        Assert.Contains("ICD-10-CM M54.30, M54.31, M54.32", codes, StringComparison.Ordinal);
        Assert.Contains("SNOMED CT 23056005, 72274001", codes, StringComparison.Ordinal);
        Assert.Contains("RxNorm 25480", codes, StringComparison.Ordinal);
    }
}
