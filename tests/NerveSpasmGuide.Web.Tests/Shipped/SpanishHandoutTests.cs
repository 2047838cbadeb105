using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Shipped;

/// <summary>Spanish handouts, the Spanish handout builder, QR codes of Spanish pages and the Spanish search box's suggestions.</summary>
public sealed class SpanishHandoutTests(ShippedContentFactory factory) : IClassFixture<ShippedContentFactory>
{
    private const string Pages = "sciatica,cauda-equina-syndrome";

    [Fact]
    public async Task ASpanishHandoutPrintsTheSpanishPagesWithTheSameCardsSignsAndSourcesAsTheEnglishOne()
    {
        var spanish = await factory.GetDocumentAsync("/es/handout?a=" + Pages);
        var english = await factory.GetDocumentAsync("/handout?a=" + Pages);

        Assert.Equal("es", spanish.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Su paquete de información", spanish.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Ciática", "Síndrome de cauda equina"], spanish.QuerySelectorAll(".handout-contents a").Select(a => a.TextContent));
        Assert.Equal(["sciatica", "cauda-equina-syndrome"], spanish.QuerySelectorAll("article.handout-article").Select(a => a.Id));

        // The same signs at the same levels, in Spanish words; the same sources, numbered across the pack in the same order.
        Assert.Equal(Signs(english), Signs(spanish));
        Assert.Equal(Levels(english), Levels(spanish));
        Assert.DoesNotContain(spanish.QuerySelectorAll("li[data-sign]"), li => english.QuerySelectorAll("li[data-sign]").Any(e => e.TextContent == li.TextContent));
        Assert.All(spanish.QuerySelectorAll(".care-emergency .care-label"), label => Assert.Equal("Emergencia: llame al 911 ahora", label.TextContent));
        Assert.Equal(
            english.QuerySelectorAll(".sources li cite").Select(c => c.TextContent),
            spanish.QuerySelectorAll(".sources li cite").Select(c => c.TextContent));
        Assert.DoesNotContain("call 911", string.Concat(spanish.QuerySelectorAll(".handout-article .prose").Select(p => p.InnerHtml)), StringComparison.OrdinalIgnoreCase);

        // Links inside go to Spanish pages; the QR code and the switches keep the Spanish handout; dates are in Spanish.
        var links = spanish.QuerySelectorAll(".handout-article .prose a.xref").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.StartsWith("/es/", href, StringComparison.Ordinal));
        Assert.Equal("/es/media/sciatic-nerve-path.svg", spanish.QuerySelector("#sciatica img.figure")!.GetAttribute("src"));
        Assert.Equal("/qr.svg?path=" + Uri.EscapeDataString("/es/handout?a=" + Pages), spanish.QuerySelector(".handout-cover img.qr")!.GetAttribute("src"));
        Assert.Contains(spanish.QuerySelectorAll(".handout-cover a"), a => a.GetAttribute("href") == $"/es/handout?a={Pages}&print=large" && a.TextContent == "Letra grande");
        Assert.Matches(@"última revisión: \d{1,2} de [a-z]+ de \d{4}", spanish.QuerySelector(".handout-contents")!.TextContent);
        Assert.Contains("No reemplaza los consejos", spanish.QuerySelector(".handout-cover .disclaimer")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/handout?a=" + Pages, spanish.QuerySelector(".language-switch a[hreflang=en]")!.GetAttribute("href"));
        Assert.Equal("/es/handout?a=" + Pages, english.QuerySelector(".language-switch a[hreflang=es]")!.GetAttribute("href"));

        static List<string> Signs(IHtmlDocument page) => [.. page.QuerySelectorAll("li[data-sign]").Select(li => li.GetAttribute("data-sign")!)];
        static List<string> Levels(IHtmlDocument page) => [.. page.QuerySelectorAll("aside.care").Select(a => a.ClassName!)];
    }

    [Fact]
    public async Task TheSpanishHandoutsCoverCarriesTheHomePagesEmergencySignsInSpanish()
    {
        var handout = await factory.GetDocumentAsync("/es/handout?a=sciatica");
        var home = await factory.GetDocumentAsync("/es");

        var cover = handout.QuerySelector(".handout-cover .care-emergency")!;
        Assert.Equal(
            home.QuerySelectorAll(".home-help li[data-sign]").Select(li => (li.GetAttribute("data-sign"), li.TextContent)),
            cover.QuerySelectorAll("li[data-sign]").Select(li => (li.GetAttribute("data-sign"), li.TextContent)));
        Assert.StartsWith("Llame al 911", cover.QuerySelector("p:not(.care-label)")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheShortSpanishHandoutGivesEachPagesOwnSignsUnderSpanishLevels()
    {
        var page = await factory.GetDocumentAsync("/es/handout?a=cauda-equina-syndrome&format=short");

        var article = page.QuerySelector("article.handout-short")!;
        Assert.Equal("Cuándo buscar ayuda", article.QuerySelector("h3")!.TextContent);
        Assert.Equal("Emergencia: llame al 911 ahora", article.QuerySelector(".care-emergency .care-label")!.TextContent);
        Assert.Contains("/es/causes/cauda-equina-syndrome", article.QuerySelector(".url")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASpanishHandoutsNoteForTheRecordIsInEnglishAndNamesTheLanguageAndEachEnglishTitle()
    {
        using var client = factory.CreateClient();
        var note = await client.GetStringAsync(new Uri("/es/handout/note?a=" + Pages, UriKind.Relative));
        var page = await factory.GetDocumentAsync("/es/handout?a=" + Pages);

        Assert.Contains("handout in Spanish, 2 pages.", note, StringComparison.Ordinal);
        Assert.Contains("1. Ciática (Spanish version of \"Sciatica\")", note, StringComparison.Ordinal);
        Assert.Contains("/es/causes/sciatica", note, StringComparison.Ordinal);
        Assert.EndsWith("/es/handout?a=" + Pages + "\n", note, StringComparison.Ordinal);
        Assert.Equal(note.ReplaceLineEndings("\n"), page.QuerySelector("#chart-note-text")!.TextContent.ReplaceLineEndings("\n"));
        Assert.Equal("en", page.QuerySelector(".chart-note")!.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/es/handout?a=not-a-page", "Estos no son artículos de esta guía en español: not-a-page.")]
    [InlineData("/es/handout?a=", "Elija al menos un artículo para el folleto.")]
    [InlineData("/es/handout?a=sciatica&print=huge", "print=large pide letra grande; no lo ponga para el tamaño normal.")]
    public async Task ABadSpanishHandoutLinkIsA400InSpanish(string path, string expected)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected, page.QuerySelector(".lead")!.TextContent);
        Assert.Equal("/es/handout/new", page.QuerySelector("main a[href$='/handout/new']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TheSpanishBuilderOffersSpanishPagesAndMakesASpanishHandout()
    {
        var page = await factory.GetDocumentAsync("/es/handout/new?a=sciatica&q=ciatica");

        Assert.Equal("Hacer un folleto", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("/es/handout/new", page.QuerySelector("form.handout-picker")!.GetAttribute("action"));
        Assert.Equal("Ciática", page.QuerySelector(".chosen .chosen-title")!.TextContent);
        Assert.Equal("/es/handout?a=sciatica", page.QuerySelector(".handout-builder a.button-link")!.GetAttribute("href"));

        // The filter folds accents: "ciatica" keeps the pages about "ciática" and drops the rest.
        var offered = page.QuerySelectorAll(".handout-picker label").Select(l => l.TextContent).ToList();
        Assert.Contains("Ciática", offered);
        Assert.DoesNotContain("Síndrome de cauda equina", offered);
    }

    [Fact]
    public async Task TheBuildersLanguageLinkKeepsThePagesChosenInTheirOrder()
    {
        var english = await factory.GetDocumentAsync("/handout/new?a=sciatica&a=cauda-equina-syndrome&order=cauda-equina-syndrome,sciatica&q=nerve");
        var toSpanish = english.QuerySelector(".language-switch a[hreflang=es]")!.GetAttribute("href")!;

        Assert.Equal("/es/handout/new?a=cauda-equina-syndrome,sciatica&order=cauda-equina-syndrome,sciatica", toSpanish);
        var spanish = await factory.GetDocumentAsync(toSpanish);
        Assert.Equal(["Síndrome de cauda equina", "Ciática"], spanish.QuerySelectorAll(".chosen .chosen-title").Select(t => t.TextContent));
        Assert.Equal("/handout/new?a=cauda-equina-syndrome,sciatica&order=cauda-equina-syndrome,sciatica",
            spanish.QuerySelector(".language-switch a[hreflang=en]")!.GetAttribute("href"));

        // With nothing chosen, the link is the other builder itself.
        var empty = await factory.GetDocumentAsync("/es/handout/new");
        Assert.Equal("/handout/new", empty.QuerySelector(".language-switch a[hreflang=en]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ASpanishPageOffersItsSpanishHandoutAndAQrCodeOfItsOwnAddress()
    {
        var page = await factory.GetDocumentAsync("/es/causes/sciatica");
        using var client = factory.CreateClient();

        Assert.Contains(page.QuerySelectorAll(".share a"), a => a.GetAttribute("href") == "/es/handout?a=sciatica");
        var qr = page.QuerySelector(".share img.qr")!.GetAttribute("src")!;
        using var response = await client.GetAsync(new Uri(qr, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/es", HttpStatusCode.OK)]
    [InlineData("/es/causes", HttpStatusCode.OK)]
    [InlineData("/es/sources", HttpStatusCode.OK)]
    [InlineData("/es/handout?a=sciatica", HttpStatusCode.OK)]
    [InlineData("/es/causes/not-a-page", HttpStatusCode.BadRequest)]
    [InlineData("/es/treatments/sciatica", HttpStatusCode.BadRequest)]
    [InlineData("/es/handout?a=not-a-page", HttpStatusCode.BadRequest)]
    [InlineData("/es/editor", HttpStatusCode.BadRequest)]
    public async Task QrCodesOpenSpanishPagesOfThisSiteOnly(string path, HttpStatusCode expected)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/qr.svg?path=" + Uri.EscapeDataString(path), UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("ciatica", "Ciática", "/es/causes/sciatica")]
    [InlineData("CIÁT", "Ciática", "/es/causes/sciatica")]
    [InlineData("hernia de d", "Hernia de disco", "/es/causes/herniated-disc")]
    public async Task TheSpanishSearchBoxSuggestsSpanishPagesWithOrWithoutAccents(string typed, string label, string url)
    {
        using var client = factory.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/es/search/suggest?q=" + Uri.EscapeDataString(typed), UriKind.Relative)));
        var suggestions = json.RootElement.EnumerateArray().Select(s => (Label: s.GetProperty("label").GetString()!, Url: s.GetProperty("url").GetString()!)).ToList();

        Assert.Equal((label, url), suggestions[0]);
        Assert.All(suggestions, s => Assert.StartsWith("/es/", s.Url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASpanishPageLoadsTheSuggestionScriptWithItsWordsInSpanish()
    {
        var page = await factory.GetDocumentAsync("/es/causes/sciatica");

        var script = page.QuerySelectorAll("script[src]").Single(s => s.GetAttribute("src")!.Contains("search-suggest", StringComparison.Ordinal));
        Assert.Equal("Sugerencias", script.GetAttribute("data-label"));
        Assert.Equal("{0} sugerencias. Use las flechas hacia arriba y hacia abajo para elegir una.", script.GetAttribute("data-many"));
        Assert.Equal("/es/search", page.QuerySelector("form.site-search")!.GetAttribute("action"));
    }
}
