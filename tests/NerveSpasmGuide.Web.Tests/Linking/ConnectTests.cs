using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Linking;

/// <summary>/connect as an Infobutton client uses it: ICD-10-CM, SNOMED CT and RxNorm by OID, text fallback, echoed context.</summary>
public sealed class ConnectTests(GuideFactory factory) : IClassFixture<GuideFactory>
{
    private const string Icd10 = "2.16.840.1.113883.6.90";
    private const string Snomed = "2.16.840.1.113883.6.96";
    private const string RxNorm = "2.16.840.1.113883.6.88";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Theory]
    [InlineData(Snomed, "23056005", "/causes/sciatica")]
    [InlineData(Snomed, "128196005", "/causes/radiculopathy")]
    [InlineData(RxNorm, "187832", "/causes/radiculopathy")]
    [InlineData(Icd10, "M54.31", "/causes/sciatica")]
    public async Task EachCodeSystemIsAnsweredByItsOid(string system, string code, string expected)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri($"/connect?mainSearchCriteria.v.cs={system}&mainSearchCriteria.v.c={code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ACodeOnSeveralPagesRedirectsToItsChooser()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri($"/connect?mainSearchCriteria.v.cs={RxNorm}&mainSearchCriteria.v.c=25480", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/code/rxnorm/25480", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task JsonEchoesTheRequestContext()
    {
        using var json = await JsonAsync($"mainSearchCriteria.v.cs={Snomed}&mainSearchCriteria.v.c=23056005&mainSearchCriteria.v.dn=Sciatica" +
            "&informationRecipient=PROV&informationRecipient.languageCode.c=en-US&age.v.v=44&age.v.u=a&patientPerson.administrativeGenderCode.c=F");
        var feed = json.RootElement.GetProperty("feed");
        var request = feed.GetProperty("request");

        Assert.Equal("23056005", request.GetProperty("code").GetString());
        Assert.Equal(Snomed, request.GetProperty("codeSystem").GetString());
        Assert.Equal("SNOMED CT", request.GetProperty("codeSystemName").GetString());
        Assert.Equal("Sciatica", request.GetProperty("displayName").GetString());
        Assert.Equal("PROV", request.GetProperty("informationRecipient").GetString());
        Assert.Equal("en-US", request.GetProperty("language").GetString());
        Assert.Equal(44, request.GetProperty("age").GetProperty("value").GetDecimal());
        Assert.Equal("a", request.GetProperty("age").GetProperty("unit").GetString());
        Assert.Equal("F", request.GetProperty("gender").GetString());
        Assert.False(feed.TryGetProperty("languageNote", out _), "en-US is English: no language note");
        var entry = Assert.Single(feed.GetProperty("entry").EnumerateArray());
        Assert.Equal("code", entry.GetProperty("match").GetString());
        Assert.Equal("http://localhost/causes/sciatica", entry.GetProperty("link").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("&informationRecipient.languageCode.c=en")]
    [InlineData("&informationRecipient.languageCode.c=en-US")]
    public async Task EnglishOrNoLanguageGetsNoNote(string language)
    {
        using var json = await JsonAsync($"mainSearchCriteria.v.cs={Icd10}&mainSearchCriteria.v.c=M54.31{language}");
        Assert.False(json.RootElement.GetProperty("feed").TryGetProperty("languageNote", out _));
    }

    [Theory]
    [InlineData("es")]
    [InlineData("sp")]
    [InlineData("es-MX")]
    [InlineData("es-US")]
    public async Task SpanishAskedForAPageWithoutATranslationGetsTheEnglishPageAndTheEntrySaysSo(string language)
    {
        // The fixture content has no Spanish pages (the shipped content's Spanish answers are in SpanishSiteTests).
        using var json = await JsonAsync($"mainSearchCriteria.v.cs={Icd10}&mainSearchCriteria.v.c=M54.31&informationRecipient.languageCode.c={language}");
        var feed = json.RootElement.GetProperty("feed");
        var entry = Assert.Single(feed.GetProperty("entry").EnumerateArray());

        Assert.Equal("es", feed.GetProperty("language").GetString());
        Assert.False(feed.TryGetProperty("languageNote", out _));
        Assert.Equal("http://localhost/causes/sciatica", entry.GetProperty("link").GetString());
        Assert.Equal("en", entry.GetProperty("language").GetString());
        Assert.Contains("aún no está en español", entry.GetProperty("languageNote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherLanguageIsAnsweredInEnglishWithANote()
    {
        using var json = await JsonAsync($"mainSearchCriteria.v.cs={Icd10}&mainSearchCriteria.v.c=M54.31&informationRecipient.languageCode.c=fr");
        var feed = json.RootElement.GetProperty("feed");

        Assert.Equal("en", feed.GetProperty("language").GetString());
        Assert.Contains("'fr' is not available; this answer is in English", feed.GetProperty("languageNote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCodeWithADisplayNameFallsBackToSearchMarkedAsTextMatch()
    {
        // 91251008 is a well-formed SNOMED CT id that no fixture page lists.
        using var json = await JsonAsync($"mainSearchCriteria.v.cs={Snomed}&mainSearchCriteria.v.c=91251008&mainSearchCriteria.v.dn=physical%20therapy");
        var feed = json.RootElement.GetProperty("feed");
        var entries = feed.GetProperty("entry").EnumerateArray().ToList();

        Assert.NotEmpty(entries);
        Assert.Equal("http://localhost/treatments/physical-therapy", entries[0].GetProperty("link").GetString());
        Assert.All(entries, e => Assert.Equal("text", e.GetProperty("match").GetString()));
        Assert.Contains("match the words sent", feed.GetProperty("subtitle").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OriginalTextAloneIsSearched()
    {
        using var json = await JsonAsync("mainSearchCriteria.v.ot=sciatica");
        var entries = json.RootElement.GetProperty("feed").GetProperty("entry").EnumerateArray().ToList();

        Assert.Contains(entries, e => e.GetProperty("link").GetString() == "http://localhost/causes/sciatica");
        Assert.All(entries, e => Assert.Equal("text", e.GetProperty("match").GetString()));
    }

    [Fact]
    public async Task AnUnknownCodeWithoutWordsAnswersNoEntries()
    {
        using var json = await JsonAsync($"mainSearchCriteria.v.cs={RxNorm}&mainSearchCriteria.v.c=5640");
        Assert.Empty(json.RootElement.GetProperty("feed").GetProperty("entry").EnumerateArray());
    }

    [Fact]
    public async Task ARequestForAChildSaysWhenAPageIsWrittenForAdults()
    {
        using var child = await JsonAsync($"mainSearchCriteria.v.cs={Icd10}&mainSearchCriteria.v.c=M62.830&age.v.v=10&age.v.u=a");
        using var adult = await JsonAsync($"mainSearchCriteria.v.cs={Icd10}&mainSearchCriteria.v.c=M62.830&age.v.v=40");
        using var months = await JsonAsync($"mainSearchCriteria.v.cs={Icd10}&mainSearchCriteria.v.c=M62.830&age.v.v=30&age.v.u=mo");

        Assert.Contains("written for adults", Entry(child).GetProperty("audienceNote").GetString(), StringComparison.Ordinal);
        Assert.False(Entry(adult).TryGetProperty("audienceNote", out _));
        Assert.Contains("written for adults", Entry(months).GetProperty("audienceNote").GetString(), StringComparison.Ordinal);

        static JsonElement Entry(JsonDocument json) => Assert.Single(json.RootElement.GetProperty("feed").GetProperty("entry").EnumerateArray());
    }

    [Fact]
    public async Task AtomAnswersCarryTheContextAndTheMatchKind()
    {
        using var client = factory.CreateClient();
        var body = await client.GetStringAsync(new Uri(
            $"/connect?mainSearchCriteria.v.cs={RxNorm}&mainSearchCriteria.v.c=187832&knowledgeResponseType=text/xml&informationRecipient=PAT", UriKind.Relative));
        var feed = XDocument.Parse(body).Root!;
        string? Category(XElement element, string scheme) =>
            element.Elements(Atom + "category").SingleOrDefault(c => (string?)c.Attribute("scheme") == scheme)?.Attribute("term")?.Value;

        Assert.Equal("187832", Category(feed, "urn:nervespasmguide:request:code"));
        Assert.Equal(RxNorm, Category(feed, "urn:nervespasmguide:request:codeSystem"));
        Assert.Equal("PAT", Category(feed, "urn:nervespasmguide:request:informationRecipient"));
        var entry = Assert.Single(feed.Elements(Atom + "entry"));
        Assert.Equal("code", Category(entry, "urn:nervespasmguide:match"));
        Assert.Contains("RxNorm 187832", feed.Element(Atom + "subtitle")!.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mainSearchCriteria.v.cs=" + Snomed + "&mainSearchCriteria.v.c=23056005&mainSearchCriteria.v.c=128196005", "one code per request")]
    [InlineData("mainSearchCriteria.v.cs=" + Snomed + "&mainSearchCriteria.v.c=23056006", "SNOMED CT code")]
    [InlineData("mainSearchCriteria.v.cs=" + RxNorm + "&mainSearchCriteria.v.c=M54.31", "RxNorm code")]
    [InlineData("mainSearchCriteria.v.cs=" + Snomed, "is missing")]
    [InlineData("informationRecipient=PAT", "Send mainSearchCriteria.v.cs")]
    [InlineData("mainSearchCriteria.v.cs=" + Icd10 + "&mainSearchCriteria.v.c=M54.31&informationRecipient=NURSE", "PAT (a patient) or PROV")]
    [InlineData("mainSearchCriteria.v.cs=" + Icd10 + "&mainSearchCriteria.v.c=M54.31&age.v.v=old", "must be a number")]
    [InlineData("mainSearchCriteria.v.cs=" + Icd10 + "&mainSearchCriteria.v.c=M54.31&age.v.v=4&age.v.u=century", "age.v.u must be")]
    [InlineData("mainSearchCriteria.v.cs=" + Icd10 + "&mainSearchCriteria.v.c=M54.31&patientPerson.administrativeGenderCode.c=X", "AdministrativeGender")]
    public async Task BadRequestsAre400AndSayWhy(string query, string expected)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/connect?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonDocument> JsonAsync(string query)
    {
        using var client = factory.CreateClient();
        var body = await client.GetStringAsync(new Uri($"/connect?{query}&knowledgeResponseType=application/json", UriKind.Relative));
        return JsonDocument.Parse(body);
    }
}

public sealed class ConnectRateLimitFactory : GuideFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Guide:Connect:RequestsPerMinute", "3");
    }
}

public sealed class ConnectRateLimitTests(ConnectRateLimitFactory factory) : IClassFixture<ConnectRateLimitFactory>
{
    [Fact]
    public async Task RequestsBeyondTheConfiguredRateAre429()
    {
        using var client = factory.CreateNonRedirectingClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync(new Uri("/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=M54.31", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Found, HttpStatusCode.Found, HttpStatusCode.Found, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);

        // Other pages are not counted against the Connect allowance.
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
