using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Shipped;

/// <summary>The Spanish pages of the shipped content: their language, alternates both ways, care cards, links, dates and search.</summary>
public sealed class SpanishSiteTests(ShippedContentFactory factory) : IClassFixture<ShippedContentFactory>
{
    [Fact]
    public async Task ASpanishPageIsInSpanishAndBothVersionsNameEachOtherAsAlternates()
    {
        var spanish = await factory.GetDocumentAsync("/es/causes/sciatica");
        var english = await factory.GetDocumentAsync("/causes/sciatica");

        Assert.Equal("es", spanish.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Ciática", spanish.QuerySelector("h1")!.TextContent);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        foreach (var page in new[] { spanish, english })
        {
            Assert.Equal(
                [("en", "/causes/sciatica"), ("es", "/es/causes/sciatica"), ("x-default", "/causes/sciatica")],
                page.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => (l.GetAttribute("hreflang")!, new Uri(l.GetAttribute("href")!).AbsolutePath)));
        }

        Assert.Equal("/causes/sciatica", spanish.QuerySelector(".language-switch a[hreflang=en]")!.GetAttribute("href"));
        Assert.Equal("/es/causes/sciatica", english.QuerySelector(".language-switch a[hreflang=es]")!.GetAttribute("href"));
        Assert.Equal("es", JsonDocument.Parse(spanish.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement.GetProperty("inLanguage").GetString());
    }

    [Fact]
    public async Task ASpanishPagesFeedbackMessagesAreSpanish()
    {
        var spanish = await factory.GetDocumentAsync("/es/causes/sciatica");
        var english = await factory.GetDocumentAsync("/causes/sciatica");

        Assert.Equal("Gracias por su respuesta.", spanish.QuerySelector(".feedback-form")!.GetAttribute("data-thanks"));
        Assert.Equal("¿Le resultó útil esta página?", spanish.QuerySelector("#feedback-title")!.TextContent);
        Assert.Equal("Thank you for your answer.", english.QuerySelector(".feedback-form")!.GetAttribute("data-thanks"));
    }

    [Fact]
    public async Task AnAnswerSentFromASpanishPageWithoutScriptGetsASpanishThankYouPageThatLeadsBack()
    {
        var article = await factory.GetDocumentAsync("/es/causes/sciatica");
        using var client = factory.CreateNonRedirectingClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, article.QuerySelector(".feedback-form")!.GetAttribute("action"))
        {
            Content = new FormUrlEncodedContent([new("article", "sciatica"), new("helpful", "yes")]),
        };
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var response = await client.SendAsync(request);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Gracias por su respuesta", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/es/causes/sciatica" && a.TextContent == "Ciática");
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/es/search");
    }

    [Fact]
    public async Task TheSitemapListsBothVersionsOfEachTranslatedPageWithItsAlternates()
    {
        using var client = factory.CreateClient();
        var sitemap = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        System.Xml.Linq.XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var entries = sitemap.Descendants(ns + "url").ToDictionary(
            u => new Uri(u.Element(ns + "loc")!.Value).AbsolutePath,
            u => u.Elements(xhtml + "link").Select(l => (l.Attribute("hreflang")!.Value, new Uri(l.Attribute("href")!.Value).AbsolutePath)).ToList());

        foreach (var path in new[] { "/causes/sciatica", "/es/causes/sciatica" })
        {
            Assert.Equal([("en", "/causes/sciatica"), ("es", "/es/causes/sciatica"), ("x-default", "/causes/sciatica")], entries[path]);
        }

        Assert.Equal([("en", "/"), ("es", "/es"), ("x-default", "/")], entries["/es"]);
        Assert.Empty(entries["/about"]);
        var englishArticles = entries.Keys.Where(k => k.Split('/') is ["", var kind, _] && NerveSpasmGuide.Content.Articles.ArticleKinds.TryParseFolder(kind, out _)).ToList();
        Assert.Equal(43, englishArticles.Count);
        Assert.All(englishArticles, path => Assert.Contains("/es" + path, entries.Keys));
    }

    [Fact]
    public async Task ASpanishPagesCareCardsAndWhatToDoBoxSayTheSameLevelsInSpanish()
    {
        var spanish = await factory.GetDocumentAsync("/es/causes/cauda-equina-syndrome");
        var english = await factory.GetDocumentAsync("/causes/cauda-equina-syndrome");

        Assert.Equal(Levels(english), Levels(spanish));
        Assert.Equal("Llame al 911 ahora", spanish.QuerySelector(".act-now li[data-care-level=emergency] strong")!.TextContent);
        Assert.Equal(Signs(english), Signs(spanish));
        Assert.Contains("Llame al 911 o vaya ahora a la sala de emergencias más cercana", spanish.QuerySelector(".care-lead")!.TextContent, StringComparison.Ordinal);
        Assert.All(spanish.QuerySelectorAll(".prose .care-label"), label => Assert.Equal("Emergencia: llame al 911 ahora", label.TextContent));
        Assert.DoesNotContain("call 911", spanish.QuerySelector(".prose")!.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(spanish.QuerySelectorAll("li[data-sign]"), li => english.QuerySelectorAll("li[data-sign]").Any(e => e.TextContent == li.TextContent));

        static List<string> Levels(IHtmlDocument page) => [.. page.QuerySelectorAll(".act-now li").Select(li => li.GetAttribute("data-care-level")!)];
        static List<string> Signs(IHtmlDocument page) => [.. page.QuerySelectorAll("li[data-sign]").Select(li => li.GetAttribute("data-sign")!)];
    }

    [Fact]
    public async Task LinksInsideASpanishPageGoToSpanishPagesAndItsDatesAreInSpanish()
    {
        var page = await factory.GetDocumentAsync("/es/causes/sciatica");

        var links = page.QuerySelectorAll(".prose a.xref, .related a, .backlinks a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.StartsWith("/es/", href, StringComparison.Ordinal));
        Assert.Matches(@"^Última revisión de la página: \d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de \d{4}", page.QuerySelector(".review-dates")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll(".further-reading a"), a => a.GetAttribute("href") == "https://medlineplus.gov/spanish/sciatica.html");
    }

    [Theory]
    [InlineData("/es/causes/sciatica", "sciatic-nerve-path.svg")]
    [InlineData("/es/causes/herniated-disc", "herniated-disc.svg")]
    [InlineData("/es/causes/radiculopathy", "lower-spine-nerve-roots.svg")]
    [InlineData("/es/causes/spinal-stenosis", "spinal-stenosis.svg")]
    public async Task ASpanishPageShowsItsDrawingWithSpanishLabels(string path, string drawing)
    {
        var page = await factory.GetDocumentAsync(path);
        using var client = factory.CreateClient();

        Assert.Equal("/es/media/" + drawing, page.QuerySelector(".prose img.figure")!.GetAttribute("src"));
        var spanish = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync(new Uri("/es/media/" + drawing, UriKind.Relative)));
        var english = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync(new Uri("/media/" + drawing, UriKind.Relative)));
        System.Xml.Linq.XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.NotEqual(english.Root!.Element(svg + "title")!.Value, spanish.Root!.Element(svg + "title")!.Value);
        Assert.Equal(english.Root.Elements(svg + "path").Count(), spanish.Root.Elements(svg + "path").Count());
    }

    [Fact]
    public async Task TheSpanishHomeAndIndexesListSpanishPagesAndTheHomeSignsInSpanish()
    {
        var home = await factory.GetDocumentAsync("/es");
        var causes = await factory.GetDocumentAsync("/es/causes");
        var englishHome = await factory.GetDocumentAsync("/");

        Assert.Equal("es", home.DocumentElement.GetAttribute("lang"));
        Assert.Equal(
            englishHome.QuerySelectorAll(".home-help li[data-sign]").Select(li => li.GetAttribute("data-sign")),
            home.QuerySelectorAll(".home-help li[data-sign]").Select(li => li.GetAttribute("data-sign")));
        Assert.Contains(home.QuerySelectorAll(".home-help li"), li => li.TextContent.Contains("orinar", StringComparison.Ordinal));
        Assert.Equal("Causas", causes.QuerySelector("h1")!.TextContent);
        Assert.Contains(causes.QuerySelectorAll(".cards a"), a => a.TextContent == "Ciática" && a.GetAttribute("href") == "/es/causes/sciatica");
    }

    [Theory]
    [InlineData("ciatica", "/es/causes/sciatica")]
    [InlineData("CIÁTICA", "/es/causes/sciatica")]
    [InlineData("hernia de disco", "/es/causes/herniated-disc")]
    [InlineData("hormigueo", "/es/symptoms/numbness-and-tingling")]
    public async Task SpanishSearchFindsPagesWithOrWithoutAccents(string query, string first)
    {
        var page = await factory.GetDocumentAsync("/es/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(first, page.QuerySelector(".results li a")!.GetAttribute("href"));
        Assert.All(page.QuerySelectorAll(".results li > a"), a => Assert.StartsWith("/es/", a.GetAttribute("href")!, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("es")]
    [InlineData("sp")]
    [InlineData("es-MX")]
    public async Task ARecordSystemAskingInSpanishGetsTheSpanishPage(string language)
    {
        using var client = factory.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(
            $"/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=M54.31&informationRecipient.languageCode.c={language}&knowledgeResponseType=application/json", UriKind.Relative)));
        var feed = json.RootElement.GetProperty("feed");
        var entry = Assert.Single(feed.GetProperty("entry").EnumerateArray());

        Assert.Equal("es", feed.GetProperty("language").GetString());
        Assert.Equal("Ciática", entry.GetProperty("title").GetString());
        Assert.Equal("/es/causes/sciatica", new Uri(entry.GetProperty("link").GetString()!).AbsolutePath);
        Assert.False(entry.TryGetProperty("languageNote", out _));
    }

    [Theory]
    [InlineData("ciatca", "ciatica", "/es/causes/sciatica")]
    [InlineData("radiculopatia cervikal", "radiculopatia cervical", "/es/causes/cervical-radiculopathy")]
    public async Task AMisspelledSpanishSearchShowsTheCorrectionAndTheWordsAsTyped(string typed, string corrected, string first)
    {
        var page = await factory.GetDocumentAsync("/es/search?q=" + Uri.EscapeDataString(typed));

        Assert.Equal(first, page.QuerySelector(".results li a")!.GetAttribute("href"));
        var spelling = page.QuerySelector(".spelling")!;
        Assert.StartsWith("Mostrando resultados para " + corrected + ". Buscar en cambio " + typed, spelling.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/es/search?q={Uri.EscapeDataString(typed)}&exact=true", spelling.QuerySelectorAll("a")[1].GetAttribute("href"));
    }

    [Theory]
    [InlineData("hormigueo")]
    [InlineData("lumbago")]
    public async Task ACorrectSpanishSearchOrALayTermIsNeverRewritten(string query)
    {
        var page = await factory.GetDocumentAsync("/es/search?q=" + Uri.EscapeDataString(query));

        Assert.Null(page.QuerySelector(".spelling"));
        Assert.NotEmpty(page.QuerySelectorAll(".results li"));
    }

    [Fact]
    public async Task ASpanishSearchForAWarningSignPutsTheUrgentHelpGuideFirstUnderTheEmergencyBox()
    {
        var page = await factory.GetDocumentAsync("/es/search?q=" + Uri.EscapeDataString("no puedo orinar"));

        Assert.Equal("/es/guides/when-to-get-urgent-help", page.QuerySelector(".results li a")!.GetAttribute("href"));
        Assert.Equal("Emergencia: llame al 911 ahora", page.QuerySelector(".search-help .care-label")!.TextContent);
    }
}

/// <summary>A site without Spanish pages: a Spanish address opens the English page rather than a dead end.</summary>
public sealed class UntranslatedPageTests(GuideFactory factory) : IClassFixture<GuideFactory>
{
    [Fact]
    public async Task ASpanishAddressOfAPageWithoutATranslationOpensTheEnglishPage()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri("/es/causes/sciatica", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/causes/sciatica", response.Headers.Location!.OriginalString);
    }
}

/// <summary>Editing a Spanish file, or the English file it translates, shows on the running site.</summary>
public sealed class SpanishLiveReloadTests : IDisposable
{
    private readonly ShippedContentFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task ASavedSpanishEditIsServedAndAnEnglishEditMarksTheTranslationStale()
    {
        using var client = factory.CreateClient();
        Assert.DoesNotContain("Una frase nueva", await client.GetStringAsync(new Uri("/es/treatments/heat-and-ice", UriKind.Relative)), StringComparison.Ordinal);
        var spanishFile = Path.Combine(factory.ContentPath, "es", "treatments", "heat-and-ice.md");
        await File.AppendAllTextAsync(spanishFile, "\nUna frase nueva para la prueba.\n");

        await Eventually.WaitUntilAsync(async () =>
            (await client.GetStringAsync(new Uri("/es/treatments/heat-and-ice", UriKind.Relative))).Contains("Una frase nueva para la prueba.", StringComparison.Ordinal));

        var englishFile = Path.Combine(factory.ContentPath, "treatments", "heat-and-ice.md");
        await File.AppendAllTextAsync(englishFile, "\nA new sentence for the test.\n");
        await Eventually.WaitUntilAsync(async () =>
            (await client.GetStringAsync(new Uri("/es/treatments/heat-and-ice", UriKind.Relative))).Contains("Esta traducción es de una versión anterior", StringComparison.Ordinal));
    }
}
