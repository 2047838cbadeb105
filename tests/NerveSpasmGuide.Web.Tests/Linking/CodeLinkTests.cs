using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Linking;

public sealed class CodeLinkTests(GuideFactory factory) : IClassFixture<GuideFactory>
{
    private const string Icd10Oid = "2.16.840.1.113883.6.90";

    [Theory]
    [InlineData("M54.31", "/causes/sciatica")]
    [InlineData("m5431", "/causes/sciatica")]
    [InlineData("M54.39", "/causes/sciatica")]
    [InlineData("M54.3", "/causes/sciatica")]
    [InlineData("M54.17", "/causes/radiculopathy")]
    [InlineData("M54.1", "/causes/radiculopathy")]
    [InlineData("M62.830", "/symptoms/muscle-spasms")]
    public async Task CodeRedirectsToTheMostSpecificArticle(string code, string expected)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri("/code/" + code, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CategoryMatchingSeveralArticlesShowsAChooser()
    {
        var page = await factory.GetDocumentAsync("/code/M54");

        Assert.Equal(["/causes/radiculopathy", "/causes/sciatica"], page.QuerySelectorAll(".card a").Select(a => a.GetAttribute("href")));
        Assert.Contains("M54", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCodeIs404WithSearch()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri("/code/Z99.89", UriKind.Relative));
        var page = await factory.GetDocumentAsync("/code/Z99.89");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(page.QuerySelector("form[role=search]"));
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("M5")]
    [InlineData("12345")]
    [InlineData("M54.31.1.2.3")]
    [InlineData("<script>")]
    public async Task MalformedCodeIs400(string code)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri("/code/" + Uri.EscapeDataString(code), UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("<script>", html.Split("<main")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenKilobyteCodeIsRejectedCleanly()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri("/code/" + new string('M', 10_000), UriKind.Relative));
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, response.StatusCode.ToString());
    }

    [Fact]
    public async Task ConnectHtmlRedirectsToTheArticle()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri($"/connect?mainSearchCriteria.v.cs={Icd10Oid}&mainSearchCriteria.v.c=M54.31&mainSearchCriteria.v.dn=Sciatica,%20right%20side", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/causes/sciatica", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ConnectJsonListsEntriesWithTitleUrlSummaryAndOtherNames()
    {
        using var client = factory.CreateClient();
        var body = await client.GetStringAsync(new Uri($"/connect?mainSearchCriteria.v.cs={Icd10Oid}&mainSearchCriteria.v.c=M54&knowledgeResponseType=application/json", UriKind.Relative));
        using var json = JsonDocument.Parse(body);
        var entries = json.RootElement.GetProperty("feed").GetProperty("entry").EnumerateArray().ToList();

        Assert.Equal(2, entries.Count);
        var sciatica = entries.Single(e => e.GetProperty("title").GetString() == "Sciatica");
        Assert.Equal("http://localhost/causes/sciatica", sciatica.GetProperty("link").GetString());
        Assert.Equal("Pain that runs from the lower back down one leg.", sciatica.GetProperty("summary").GetString());
        Assert.Equal(["sciatic nerve pain"], sciatica.GetProperty("alsoCalled").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ConnectXmlIsAnAtomFeedAndSaysWhenTheLanguageIsNotAvailable()
    {
        using var client = factory.CreateClient();
        var body = await client.GetStringAsync(new Uri(
            $"/connect?mainSearchCriteria.v.cs={Icd10Oid}&mainSearchCriteria.v.c=M54.31&knowledgeResponseType=text/xml&informationRecipient.languageCode.c=fr", UriKind.Relative));
        var feed = XDocument.Parse(body).Root!;
        XNamespace atom = "http://www.w3.org/2005/Atom";

        Assert.Equal(atom + "feed", feed.Name);
        Assert.Contains("answer is in English", feed.Element(atom + "subtitle")!.Value, StringComparison.Ordinal);
        var entry = Assert.Single(feed.Elements(atom + "entry"));
        Assert.Equal("Sciatica", entry.Element(atom + "title")!.Value);
        Assert.Equal("http://localhost/causes/sciatica", entry.Element(atom + "link")!.Attribute("href")!.Value);
        Assert.Equal("sciatic nerve pain", entry.Element(atom + "category")!.Attribute("term")!.Value);
    }

    [Theory]
    [InlineData("2.16.840.1.113883.6.69")] // NDC
    [InlineData("")]
    [InlineData("ICD-10")]
    public async Task ConnectRejectsOtherCodeSystemsNamingTheSupportedOne(string system)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"/connect?mainSearchCriteria.v.cs={system}&mainSearchCriteria.v.c=M54.31", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Icd10Oid, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mainSearchCriteria.v.c=M54.31&knowledgeResponseType=image/png")]
    [InlineData("mainSearchCriteria.v.c=not-a-code")]
    public async Task ConnectRejectsBadRequestsClearly(string query)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"/connect?mainSearchCriteria.v.cs={Icd10Oid}&{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RetiredSlugIsGoneAndSuggestsItsReplacement()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri("/causes/lumbago", UriKind.Relative));
        var page = await factory.GetDocumentAsync("/causes/lumbago");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("merged this page into the sciatica page", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/causes/sciatica");
    }
}
