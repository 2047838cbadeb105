using NerveSpasmGuide.Data.Search;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Shipped;

/// <summary>
/// Search tried as patients use it, on the shipped content: misspellings, the brand name on the box, whole questions,
/// lay words and warning signs in their own words.
/// </summary>
public sealed class PatientSearchTests(ShippedContentFactory factory) : IClassFixture<ShippedContentFactory>
{
    /// <summary>A query and the page a patient typing it is looking for.</summary>
    public static TheoryData<string, string> Queries => new()
    {
        // Misspellings and medical words
        { "sciatca", "sciatica" },
        { "siatica", "sciatica" },
        { "sciatika", "sciatica" },
        { "radiculapathy", "radiculopathy" },
        { "neuropathy feet", "peripheral-neuropathy" },
        { "perifiral neuropathy", "peripheral-neuropathy" },
        { "neuropaty", "peripheral-neuropathy" },
        { "carpel tunnel", "carpal-tunnel-syndrome" },
        { "carpal tunel", "carpal-tunnel-syndrome" },
        { "spinal stenossis", "spinal-stenosis" },
        { "stenosis", "spinal-stenosis" },
        { "spondilosis", "spondylosis" },
        { "herniated disk", "herniated-disc" },
        { "hernated disc", "herniated-disc" },
        { "piriformis", "piriformis-syndrome" },
        { "piriformus syndrome", "piriformis-syndrome" },
        { "restless leg syndrom", "restless-legs-syndrome" },
        { "spasticty", "spasticity" },
        { "muscel spasms", "muscle-spasms-and-cramps" },
        { "cramps", "muscle-spasms-and-cramps" },
        { "tingeling", "numbness-and-tingling" },
        { "numbnes", "numbness-and-tingling" },
        { "phisical therapy", "physical-therapy" },
        { "gabapentin", "nerve-pain-medicines" },
        { "gabapenten", "nerve-pain-medicines" },
        { "pregabalin", "nerve-pain-medicines" },
        { "ibuprofin", "nsaids" },
        { "naproxin", "nsaids" },
        { "lidocane patch", "topical-treatments" },
        { "capsacin cream", "topical-treatments" },
        { "epidural injection", "epidural-steroid-injections" },
        // Brand names
        { "motrin", "nsaids" },
        { "advil", "nsaids" },
        { "aleve", "nsaids" },
        { "neurontin", "nerve-pain-medicines" },
        { "lyrica", "nerve-pain-medicines" },
        { "lyrca", "nerve-pain-medicines" },
        { "cymbalta", "nerve-pain-medicines" },
        { "robaxin", "muscle-relaxants" },
        { "lidoderm", "topical-treatments" },
        { "is advil good for sciatica", "nsaids" },
        { "can i take motrin for a pinched nerve", "nsaids" },
        // Questions
        { "what is sciatica", "sciatica" },
        { "what causes sciatica", "sciatica" },
        { "how long does sciatica last", "sciatica" },
        { "what is a pinched nerve", "radiculopathy" },
        { "why do my legs cramp at night", "night-leg-cramps" },
        { "how do i stop a muscle spasm", "muscle-spasms-and-cramps" },
        { "what can i do for my back spasms", "muscle-spasms-and-cramps" },
        { "should i use heat or ice", "heat-and-ice" },
        { "is it ok to rest in bed", "rest-and-activity" },
        { "what should i ask my doctor", "preparing-for-your-appointment" },
        { "why do my hands go numb at night", "carpal-tunnel-syndrome" },
        { "can stretching help piriformis", "piriformis-syndrome" },
        { "is walking good for spinal stenosis", "spinal-stenosis" },
        // Lay words
        { "slipped disc", "herniated-disc" },
        { "trapped nerve", "radiculopathy" },
        { "charley horse", "muscle-spasms-and-cramps" },
        { "pins and needles", "numbness-and-tingling" },
        { "foot slapping when i walk", "foot-drop" },
        { "legs giving way", "muscle-weakness" },
        { "burning feet", "peripheral-neuropathy" },
        { "numb fingers", "carpal-tunnel-syndrome" },
        { "stiff neck and arm pain", "cervical-radiculopathy" },
        { "bulging disc in neck", "cervical-radiculopathy" },
        { "pulled back muscle", "muscle-strain" },
        { "physio exercises", "physical-therapy" },
        { "wear and tear in spine", "spondylosis" },
        { "nerve pills", "nerve-pain-medicines" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task FindsThePageAPatientMeansInTheTopThree(string query, string slug)
    {
        var top = await TopAsync(query);

        Assert.Contains(slug, top.Take(3));
    }

    [Theory]
    [InlineData("can't pee")]
    [InlineData("cannot control my bladder")]
    [InlineData("lost bladder control")]
    [InlineData("numb between my legs saddle area")]
    [InlineData("saddle numbness")]
    [InlineData("numb groin")]
    [InlineData("groin numbness")]
    [InlineData("numbness in both legs")]
    [InlineData("weakness in both legs")]
    [InlineData("sudden leg weakness")]
    [InlineData("chest pain")]
    [InlineData("chest pain and arm pain")]
    [InlineData("face drooping")]
    [InlineData("slurred speech")]
    [InlineData("sudden weakness on one side")]
    [InlineData("sudden numbness in my face")]
    [InlineData("can't breathe properly")]
    [InlineData("trouble swallowing")]
    [InlineData("back pain with fever")]
    [InlineData("back pain and fever")]
    [InlineData("back pain after a car crash")]
    [InlineData("back pain after a fall")]
    [InlineData("new back pain and i had cancer")]
    [InlineData("back pain with weight loss")]
    [InlineData("back pain worse at night")]
    [InlineData("neck pain and clumsy hands")]
    [InlineData("cramp that won't go away after 10 minutes")]
    [InlineData("diabetic foot sore")]
    [InlineData("red hot swollen foot diabetes")]
    [InlineData("cauda equina")]
    [InlineData("red flags")]
    [InlineData("stroke signs")]
    [InlineData("is chest pain serious")]
    [InlineData("what does it mean if i cant pee")]
    public async Task AWarningSignInAPatientsWordsPutsTheUrgentHelpGuideFirstUnderTheEmergencyCard(string query)
    {
        var page = await factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));
        var card = page.QuerySelector("aside.care.search-help");
        var results = page.QuerySelector(".results")!;

        Assert.Equal(RedFlags.UrgentHelpSlug, Slugs(page)[0]);
        Assert.NotNull(card);
        Assert.NotEmpty(card.QuerySelectorAll("li[data-sign]"));
        Assert.True(card.CompareDocumentPosition(results).HasFlag(AngleSharp.Dom.DocumentPositions.Following), "the card comes before the results");
    }

    [Theory]
    [InlineData("can't pee", "bladder-or-bowel-control", "emergency")]
    [InlineData("chest pain", "heart-attack", "emergency")]
    [InlineData("slurred speech", "stroke-face-arm-speech", "emergency")]
    [InlineData("back pain with fever", "fever-back-pain", "urgent")]
    [InlineData("neck pain and clumsy hands", "neck-pain-clumsy-hands", "urgent")]
    public async Task TheCardShowsTheSignAtItsOwnLevel(string query, string signId, string level)
    {
        var page = await factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.NotNull(page.QuerySelector($"aside.care-{level}.search-help li[data-sign='{signId}']"));
    }

    [Theory]
    [InlineData("back pain")]
    [InlineData("back and neck pain")]
    [InlineData("numb feet")]
    [InlineData("leg pain at night")]
    [InlineData("lidocaine patch")]
    [InlineData("lidocane patch")]
    [InlineData("night cramps")]
    [InlineData("tingling")]
    [InlineData("sciatica")]
    public async Task AnEverydayQueryShowsNoEmergencyCard(string query)
    {
        var page = await factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Null(page.QuerySelector("aside.search-help"));
    }

    [Fact]
    public async Task AMisspellingShowsResultsForTheCorrectionAndOffersTheWordsAsTyped()
    {
        var page = await factory.GetDocumentAsync("/search?q=sciatca");
        var spelling = page.QuerySelector(".spelling")!;
        var links = spelling.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal("Showing results for sciatica. Search instead for sciatca.", spelling.TextContent);
        Assert.Equal(["/search?q=sciatica", "/search?q=sciatca&exact=true"], links);
        Assert.Equal("sciatica", Slugs(page)[0]);
    }

    [Fact]
    public async Task SearchingInsteadForTheWordsAsTypedDoesNotCorrectThemButSuggests()
    {
        var page = await factory.GetDocumentAsync("/search?q=sciatca&exact=true");

        Assert.Empty(Slugs(page));
        Assert.Equal("Did you mean sciatica?", page.QuerySelector(".spelling")!.TextContent);
    }

    /// <summary>Every word of every title, other name and lay term, alone and as the whole name: none is rewritten.</summary>
    [Fact]
    public async Task ACorrectQueryIsNeverRewritten()
    {
        using var client = factory.CreateClient();
        var articles = await client.GetStringAsync(new Uri("/api/articles", UriKind.Relative));
        var names = System.Text.Json.JsonDocument.Parse(articles).RootElement.EnumerateArray()
            .SelectMany(a => new[] { a.GetProperty("name").GetString()! }.Concat(
                a.TryGetProperty("about", out var about) && about.TryGetProperty("alternateName", out var also)
                    ? also.EnumerateArray().Select(x => x.GetString()!) : []))
            .ToList();
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Content, NerveSpasmGuide.Content.Sources.SourceFileReader.SynonymsFile));
        names.AddRange(NerveSpasmGuide.Content.Sources.SourceFileReader.ReadSynonyms(yaml, new(NerveSpasmGuide.Content.Sources.SourceFileReader.SynonymsFile))
            .Select(s => s.Term));
        var queries = names.Concat(names.SelectMany(QueryWords.Split)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        Assert.True(queries.Count > 100, $"only {queries.Count} queries");
        foreach (var query in queries)
        {
            var page = await factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));
            Assert.True(page.QuerySelector(".spelling") is null || !page.QuerySelector(".spelling")!.TextContent.StartsWith("Showing", StringComparison.Ordinal),
                $"'{query}' was rewritten: {page.QuerySelector(".spelling")?.TextContent}");
        }
    }

    [Fact]
    public async Task AQuestionRanksThePageHoldingEveryMeaningfulWordFirst()
    {
        var top = await TopAsync("why do my legs cramp at night");

        Assert.Equal("night-leg-cramps", top[0]);
    }

    [Fact]
    public async Task SnippetsHaveNoSpaceBeforePunctuationAfterAHighlight()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync(new Uri("/search?q=gabapentinoids", UriKind.Relative));

        Assert.Contains("</mark>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"</mark>\s+[,.;:)]", html);
    }

    [Theory]
    [InlineData("sci", "/causes/sciatica")]
    [InlineData("Sciatica", "/causes/sciatica")]
    [InlineData("siatic", "/causes/sciatica")]
    [InlineData("pinched n", "/search?q=pinched%20nerve")]
    [InlineData("lyr", "/search?q=lyrica")]
    [InlineData("carpel", "/causes/carpal-tunnel-syndrome")]
    public async Task SuggestionsMatchTheStartOfWordsAndForgiveATypo(string typed, string url)
    {
        var suggestions = await SuggestAsync(typed);

        Assert.InRange(suggestions.Count, 1, 8);
        Assert.Contains(url, suggestions.Select(s => s.Url));
    }

    [Fact]
    public async Task SuggestionsAreAtMostEight() => Assert.Equal(8, (await SuggestAsync("n")).Count);

    [Theory]
    [InlineData("", true)]
    [InlineData("xyzzyq", true)]
    [InlineData("%FF%FE", true)]
    [InlineData("%22%27%3E%3Cscript%3E", false)]
    [InlineData("NEAR(a%20b)%20OR%20*", null)]
    public async Task SuggestionsForHostileOrUselessInputAreAJsonListNeverAnError(string encoded, bool? empty)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/search/suggest?q=" + encoded, UriKind.Relative));
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, System.Text.Json.JsonDocument.Parse(json).RootElement.ValueKind);
        Assert.DoesNotContain("<script", json, StringComparison.OrdinalIgnoreCase);
        if (empty is { } none)
        {
            Assert.Equal(none, json == "[]");
        }
    }

    [Fact]
    public async Task AOneMegabyteSuggestionQueryIsAnsweredNeverAnError()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/search/suggest?q=" + new string('s', 1024 * 1024), UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    private sealed record SuggestionJson(string Label, string Url);

    private async Task<List<SuggestionJson>> SuggestAsync(string typed)
    {
        using var client = factory.CreateClient();
        var json = await client.GetStringAsync(new Uri("/search/suggest?q=" + Uri.EscapeDataString(typed), UriKind.Relative));
        return System.Text.Json.JsonSerializer.Deserialize<List<SuggestionJson>>(json, WebJson)!;
    }

    private async Task<List<string>> TopAsync(string query) => Slugs(await factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query)));

    private static List<string> Slugs(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".results > li > a").Select(a => a.GetAttribute("href")!.Split('/')[^1])];
}
