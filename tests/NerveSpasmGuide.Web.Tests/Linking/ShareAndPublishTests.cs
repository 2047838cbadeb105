using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using NerveSpasmGuide.Web.Linking;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Linking;

public sealed class ShareAndPublishTests(GuideFactory factory) : IClassFixture<GuideFactory>
{
    private static readonly string[] PublishedUrls =
        ["/causes/radiculopathy", "/causes/sciatica", "/symptoms/muscle-spasms", "/treatments/physical-therapy"];

    [Fact]
    public async Task QrCodeEncodesTheAbsoluteUrlOfASitePage()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/qr.svg?path=%2Fcauses%2Fsciatica", UriKind.Relative));
        var svg = await response.Content.ReadAsStringAsync();

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(QrCodes.Svg("http://localhost/causes/sciatica"), svg);
        Assert.NotEqual(QrCodes.Svg("http://localhost/causes/radiculopathy"), svg);
    }

    [Fact]
    public async Task TheQrCodeIsAlsoAPngOfTheSameAddress()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/qr.png?path=%2Fcauses%2Fsciatica", UriKind.Relative));
        var png = await response.Content.ReadAsByteArrayAsync();
        using var refused = await client.GetAsync(new Uri("/qr.png?path=https%3A%2F%2Fevil.example%2F", UriKind.Relative));

        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(QrCodes.Png("http://localhost/causes/sciatica"), png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("/\\evil.example")]
    [InlineData("/causes/no-such-page")]
    [InlineData("/guides/secret-draft")]
    [InlineData("/../etc/passwd")]
    [InlineData("/causes/%2e%2e/%2e%2e/etc")]
    [InlineData("/handout?a=nope")]
    [InlineData("/handout?a=sciatica&next=https://evil.example")]
    [InlineData("/search?q=anything")]
    [InlineData("")]
    [InlineData("causes/sciatica")]
    public async Task QrCodeRefusesAnythingButAnExistingSitePage(string path)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/qr.svg?path=" + Uri.EscapeDataString(path), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task QrCodeRefusesAHugePath()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/qr.svg?path=/" + new string('a', 10_000), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ArticleOffersALinkAndQrCodeToShare()
    {
        var page = await factory.GetDocumentAsync("/causes/sciatica");
        var share = page.QuerySelector(".share")!;

        Assert.Equal("http://localhost/causes/sciatica", share.QuerySelector("input#share-link")!.GetAttribute("value"));
        Assert.Equal("/qr.svg?path=%2Fcauses%2Fsciatica", share.QuerySelector("img.qr")!.GetAttribute("src"));
        Assert.Contains(share.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/qr.png?path=%2Fcauses%2Fsciatica" && a.HasAttribute("download"));
        Assert.Equal("http://localhost/causes/sciatica", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("Sciatica", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task ArticleCarriesMedicalWebPageJsonLd()
    {
        var page = await factory.GetDocumentAsync("/causes/sciatica");
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var root = json.RootElement;

        Assert.Equal("MedicalWebPage", root.GetProperty("@type").GetString());
        Assert.Equal("2026-11-01", root.GetProperty("lastReviewed").GetString());
        Assert.Equal("MedicalCondition", root.GetProperty("about").GetProperty("@type").GetString());
        Assert.Equal(
            ["ICD-10-CM M54.30", "ICD-10-CM M54.31", "ICD-10-CM M54.32", "SNOMED CT 23056005", "SNOMED CT 72274001", "RxNorm 25480"],
            root.GetProperty("about").GetProperty("code").EnumerateArray().Select(c => $"{c.GetProperty("codingSystem").GetString()} {c.GetProperty("codeValue").GetString()}"));
        Assert.Equal(2, root.GetProperty("citation").GetArrayLength());
    }

    [Fact]
    public async Task ApiListsExactlyThePublishedArticlesWithAnEtag()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/articles", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(PublishedUrls.Select(u => "http://localhost" + u).Order(), json.RootElement.EnumerateArray().Select(a => a.GetProperty("url").GetString()).Order());
        var etag = response.Headers.ETag!;
        Assert.False(etag.IsWeak);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/articles");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task ApiArticleIsAMedicalWebPageAndDraftsAreNotFound()
    {
        using var client = factory.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/articles/sciatica", UriKind.Relative)));
        using var draft = await client.GetAsync(new Uri("/api/articles/secret-draft", UriKind.Relative));

        Assert.Equal("Sciatica", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("2029-11-01", json.RootElement.GetProperty("nextReview").GetString());
        Assert.Contains("http://localhost/treatments/physical-therapy", json.RootElement.GetProperty("relatedLink").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
    }

    [Fact]
    public async Task SitemapListsExactlyThePublishedArticlesAndTheSitesOwnPages()
    {
        using var client = factory.CreateClient();
        var sitemap = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

        Assert.Equal(ns + "urlset", sitemap.Root!.Name);
        var urls = sitemap.Root.Elements(ns + "url").ToList();
        var reviewed = urls.Where(u => u.Element(ns + "lastmod") is not null).ToList();
        Assert.Equal(PublishedUrls.Select(u => "http://localhost" + u).Order(), reviewed.Select(u => u.Element(ns + "loc")!.Value).Order());
        Assert.All(reviewed, u => Assert.Equal("2026-11-01", u.Element(ns + "lastmod")!.Value));

        string[] ownPages = ["/", "/causes", "/symptoms", "/treatments", "/mechanisms", "/guides", "/sources", "/about", "/about/editorial-policy"];
        Assert.Equal(ownPages.Select(u => "http://localhost" + u).Order(), urls.Except(reviewed).Select(u => u.Element(ns + "loc")!.Value).Order());
        foreach (var page in ownPages)
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task FeedIsAtomWithEveryPublishedArticle()
    {
        using var client = factory.CreateClient();
        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/feed.xml", UriKind.Relative))).Root!;
        XNamespace atom = "http://www.w3.org/2005/Atom";

        Assert.Equal(atom + "feed", feed.Name);
        Assert.Equal("Nerve & Spasm Guide: recently reviewed articles", feed.Element(atom + "title")!.Value);
        Assert.NotEmpty(feed.Element(atom + "id")!.Value);
        Assert.True(DateTimeOffset.TryParse(feed.Element(atom + "updated")!.Value, out _));
        var entries = feed.Elements(atom + "entry").ToList();
        Assert.Equal(PublishedUrls.Select(u => "http://localhost" + u).Order(), entries.Select(e => e.Element(atom + "id")!.Value).Order());
        Assert.All(entries, e => Assert.NotEmpty(e.Element(atom + "title")!.Value));
        Assert.DoesNotContain(entries, e => e.ToString().Contains("Zebrafish", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AFeedEntryCarriesThePageHistoryAfterTheSummary()
    {
        using var client = factory.CreateClient();
        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/feed.xml", UriKind.Relative))).Root!;
        XNamespace atom = "http://www.w3.org/2005/Atom";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var entries = feed.Elements(atom + "entry").ToDictionary(e => e.Element(atom + "id")!.Value);

        var content = entries["http://localhost/causes/sciatica"].Element(atom + "content")!;
        Assert.Equal("xhtml", content.Attribute("type")!.Value);
        var div = content.Element(xhtml + "div")!;
        Assert.Equal(["Pain that runs from the lower back down one leg.", "Page history:"], div.Elements(xhtml + "p").Select(p => p.Value));
        Assert.Equal(
            ["1 November 2026: The treatment section now points to physical therapy & says why.", "4 May 2026: First published."],
            div.Element(xhtml + "ul")!.Elements(xhtml + "li").Select(li => li.Value));
        // An article without a history keeps its summary alone.
        Assert.Null(entries["http://localhost/causes/radiculopathy"].Element(atom + "content"));
    }

    [Fact]
    public async Task RobotsTxtNamesTheSitemap()
    {
        using var client = factory.CreateClient();
        var robots = await client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots, StringComparison.Ordinal);
    }
}

public sealed class PublicBaseUrlFactory : GuideFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Guide:PublicBaseUrl", "https://guide.example.org/");
    }
}

public sealed class PublicBaseUrlTests(PublicBaseUrlFactory factory) : IClassFixture<PublicBaseUrlFactory>
{
    [Fact]
    public async Task PrintedUrlsUseTheConfiguredBaseUrl()
    {
        using var client = factory.CreateClient();
        var page = await factory.GetDocumentAsync("/causes/sciatica");
        var sitemap = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));
        var qr = await client.GetStringAsync(new Uri("/qr.svg?path=/causes/sciatica", UriKind.Relative));

        Assert.Equal("https://guide.example.org/causes/sciatica", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://guide.example.org/causes/sciatica", page.QuerySelector("#share-link")!.GetAttribute("value"));
        Assert.Contains("<loc>https://guide.example.org/causes/sciatica</loc>", sitemap, StringComparison.Ordinal);
        Assert.Equal(QrCodes.Svg("https://guide.example.org/causes/sciatica"), qr);
    }
}
