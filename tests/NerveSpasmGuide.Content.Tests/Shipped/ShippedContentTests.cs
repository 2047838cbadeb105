using NerveSpasmGuide.TestSupport;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Loading;
using NerveSpasmGuide.Content.Sources;
using YamlDotNet.RepresentationModel;

namespace NerveSpasmGuide.Content.Tests.Shipped;

/// <summary>The content standard of the shipped article set (the slugs are public URLs).</summary>
public sealed class ShippedContentTests
{
    private static readonly Lazy<ContentSet> Content = new(() => ContentLoader.Load(Paths.Content));

    public static TheoryData<string, string> RequiredSlugs => new()
    {
        { "causes", "sciatica" }, { "causes", "radiculopathy" }, { "causes", "spondylosis" }, { "causes", "peripheral-neuropathy" },
        { "causes", "piriformis-syndrome" }, { "causes", "herniated-disc" }, { "causes", "spinal-stenosis" }, { "causes", "muscle-strain" },
        { "mechanisms", "nerve-compression" }, { "mechanisms", "abnormal-nerve-signalling" }, { "mechanisms", "central-sensitization" },
        { "mechanisms", "protective-muscle-guarding" }, { "mechanisms", "nerve-inflammation" }, { "mechanisms", "compensatory-movement" },
        { "mechanisms", "spasm-compression-cycle" },
        { "treatments", "physical-therapy" }, { "treatments", "nsaids" }, { "treatments", "muscle-relaxants" },
        { "treatments", "nerve-pain-medicines" }, { "treatments", "topical-treatments" }, { "treatments", "heat-and-ice" },
        { "treatments", "rest-and-activity" }, { "treatments", "stretching-and-massage" }, { "treatments", "epidural-steroid-injections" },
        { "treatments", "spine-surgery" }, { "treatments", "pain-education" },
        { "symptoms", "radiating-pain" }, { "symptoms", "numbness-and-tingling" }, { "symptoms", "muscle-weakness" },
        { "symptoms", "muscle-spasms-and-cramps" }, { "symptoms", "foot-drop" }, { "symptoms", "loss-of-balance" },
        { "guides", "when-to-get-urgent-help" }, { "guides", "living-with-nerve-pain" }, { "guides", "preparing-for-your-appointment" },
        { "causes", "cervical-radiculopathy" }, { "causes", "carpal-tunnel-syndrome" }, { "symptoms", "night-leg-cramps" },
        { "causes", "restless-legs-syndrome" }, { "causes", "spasticity" }, { "guides", "back-pain-in-pregnancy" },
        { "causes", "cauda-equina-syndrome" }, { "guides", "diabetic-foot-care" },
    };

    public static TheoryData<string> ArticleSlugs => [.. Content.Value.Articles.Select(a => a.Slug)];

    public static TheoryData<string> CauseAndSymptomSlugs =>
        [.. Content.Value.Articles.Where(a => a.Kind is ArticleKind.Cause or ArticleKind.Symptom).Select(a => a.Slug)];

    [Fact]
    public void ShippedContentLoadsWithoutErrors()
    {
        var errors = Content.Value.Problems.Where(p => p.IsError).Select(p => p.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Theory]
    [MemberData(nameof(RequiredSlugs))]
    public void EveryListedArticleExistsUnderItsKind(string folder, string slug)
    {
        var article = Content.Value.Articles.SingleOrDefault(a => a.Slug == slug);
        Assert.NotNull(article);
        Assert.Equal(folder, article.Kind.Folder());
        Assert.False(article.Meta.Draft);
    }

    [Fact]
    public void NoArticleIsAnOrphan()
    {
        var orphans = Content.Value.Problems.Where(p => p.Message.StartsWith("orphan", StringComparison.Ordinal)).Select(p => p.Path).ToList();
        Assert.True(orphans.Count == 0, "orphans: " + string.Join(", ", orphans));
    }

    [Theory]
    [MemberData(nameof(ArticleSlugs))]
    public void ArticleMeetsTheWritingStandard(string slug)
    {
        var article = Content.Value.Articles.Single(a => a.Slug == slug);

        Assert.True(article.CitedSourceKeys.Count >= 2, $"{slug} cites {article.CitedSourceKeys.Count} distinct sources; at least 2 are needed");
        Assert.True(article.ReadingGrade <= 8.0, $"{slug} reads at grade {article.ReadingGrade}");
        Assert.True(article.Meta.Summary.Length <= 160, $"{slug} summary is {article.Meta.Summary.Length} characters");
        Assert.Equal(article.Meta.LastReviewed.AddYears(3), article.Meta.NextReview);
        Assert.DoesNotContain(Content.Value.Problems, p => p.Path == article.SourcePath && p.Message.StartsWith("review", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CauseAndSymptomSlugs))]
    public void CauseAndSymptomPagesCarryCareCardsThatLinkToUrgentHelp(string slug)
    {
        var article = Content.Value.Articles.Single(a => a.Slug == slug);

        Assert.Contains(article.CareLevels, level => level is "emergency" or "urgent");
        Assert.Contains(new ArticleLink("when-to-get-urgent-help", LinkType.Inline), article.Links);
    }

    [Fact]
    public void CausePagesCarryIcd10CodesOnlyFromTheVettedList()
    {
        // Billable codes from shared/ICD10.md; its category headers (M50.1, M50.12, G35, G56.0 ...) are left out on purpose.
        string[] vetted = ["M54.30", "M54.31", "M54.32", "M54.15", "M54.16", "M54.17", "M54.18", "M47.816", "M47.26", "G62.9", "E11.40",
            "G57.00", "G57.01", "G57.02", "G57.03", "M62.830", "M62.838", "R25.2",
            "M54.12", "M50.10", "M50.11", "M50.120", "M50.121", "M50.122", "M50.123", "M50.13",
            "M47.12", "M50.00", "M50.01", "M50.020", "M50.021", "M50.022", "M50.023", "M50.03",
            "G56.00", "G56.01", "G56.02", "G56.03", "G47.62", "G25.81",
            "G35.A", "G35.B0", "G35.B1", "G35.B2", "G35.C0", "G35.C1", "G35.C2", "G35.D", "G83.4", "E11.621", "E11.610"];
        foreach (var article in Content.Value.Articles)
        {
            Assert.All(article.Meta.Icd10, code => Assert.Contains(code, vetted));
        }

        Assert.Equal(["M54.30", "M54.31", "M54.32"], Content.Value.Articles.Single(a => a.Slug == "sciatica").Meta.Icd10);
        Assert.Contains("E11.40", Content.Value.Articles.Single(a => a.Slug == "peripheral-neuropathy").Meta.Icd10);
    }

    [Fact]
    public void SnomedCodesAreOnlyTheVettedOnesOnTheirOwnArticles()
    {
        // shared/CODES.md: each code with the article its row names.
        var vetted = new Dictionary<string, string>
        {
            ["23056005"] = "sciatica", ["202794004"] = "sciatica", ["72274001"] = "radiculopathy", ["128196005"] = "radiculopathy",
            ["2415007"] = "radiculopathy", ["54404000"] = "cervical-radiculopathy", ["11049006"] = "cervical-radiculopathy",
            ["8847002"] = "spondylosis", ["239880009"] = "spondylosis", ["48210000"] = "spondylosis", ["387800004"] = "spondylosis",
            ["202693003"] = "spondylosis", ["302226006"] = "peripheral-neuropathy", ["386033004"] = "peripheral-neuropathy",
            ["42345000"] = "peripheral-neuropathy", ["230572002"] = "peripheral-neuropathy", ["424736006"] = "peripheral-neuropathy",
            ["49455004"] = "peripheral-neuropathy", ["129179000"] = "piriformis-syndrome", ["202708005"] = "herniated-disc",
            ["20021007"] = "herniated-disc", ["202735001"] = "herniated-disc", ["73589001"] = "herniated-disc", ["84857004"] = "herniated-disc",
            ["18347007"] = "spinal-stenosis", ["76107001"] = "spinal-stenosis", ["48532005"] = "muscle-strain", ["262965006"] = "muscle-strain",
            ["300956001"] = "muscle-strain", ["309710005"] = "muscle-strain", ["44077006"] = "numbness-and-tingling",
            ["91019004"] = "numbness-and-tingling", ["62507009"] = "numbness-and-tingling", ["274676007"] = "numbness-and-tingling",
            ["26544005"] = "muscle-weakness", ["45352006"] = "muscle-spasms-and-cramps", ["55300003"] = "muscle-spasms-and-cramps",
            ["203095000"] = "muscle-spasms-and-cramps", ["100211000119106"] = "muscle-spasms-and-cramps", ["6077001"] = "foot-drop",
            ["387603000"] = "loss-of-balance", ["22631008"] = "loss-of-balance", ["69071001"] = "radiating-pain",
            ["91251008"] = "physical-therapy", ["171787008"] = "epidural-steroid-injections", ["89355001"] = "spine-surgery",
            ["178618008"] = "spine-surgery", ["387731002"] = "spine-surgery", ["445429009"] = "spine-surgery", ["427752004"] = "spine-surgery",
            ["282191000"] = "spine-surgery", ["10836008"] = "spine-surgery",
        };
        foreach (var article in Content.Value.Articles)
        {
            Assert.All(article.Meta.Snomed, code => Assert.Equal(article.Slug, vetted.GetValueOrDefault(code)));
        }

        Assert.Equal(["23056005", "202794004"], Content.Value.Articles.Single(a => a.Slug == "sciatica").Meta.Snomed);
        Assert.All(Content.Value.Articles.Where(a => a.Kind is ArticleKind.Cause or ArticleKind.Symptom && vetted.ContainsValue(a.Slug)),
            article => Assert.NotEmpty(article.Meta.Snomed));
    }

    [Fact]
    public void TreatmentPagesCarryTheVettedRxNormIngredientsTheyName()
    {
        // shared/CODES.md: ingredient RxCUIs (TTY = IN) with their names and articles.
        var vetted = new Dictionary<string, (string Name, string Article)>
        {
            ["5640"] = ("ibuprofen", "nsaids"), ["7258"] = ("naproxen", "nsaids"), ["3355"] = ("diclofenac", "nsaids"),
            ["140587"] = ("celecoxib", "nsaids"), ["1191"] = ("aspirin", "nsaids"), ["161"] = ("acetaminophen", "nsaids"),
            ["21949"] = ("cyclobenzaprine", "muscle-relaxants"), ["6845"] = ("methocarbamol", "muscle-relaxants"),
            ["57258"] = ("tizanidine", "muscle-relaxants"), ["1292"] = ("baclofen", "muscle-relaxants"), ["2101"] = ("carisoprodol", "muscle-relaxants"),
            ["3322"] = ("diazepam", "muscle-relaxants"), ["25480"] = ("gabapentin", "nerve-pain-medicines"), ["187832"] = ("pregabalin", "nerve-pain-medicines"),
            ["72625"] = ("duloxetine", "nerve-pain-medicines"), ["704"] = ("amitriptyline", "nerve-pain-medicines"),
            ["7531"] = ("nortriptyline", "nerve-pain-medicines"), ["6387"] = ("lidocaine", "topical-treatments"),
            ["1992"] = ("capsaicin", "topical-treatments"), ["8640"] = ("prednisone", "epidural-steroid-injections"),
            ["6902"] = ("methylprednisolone", "epidural-steroid-injections"), ["10759"] = ("triamcinolone", "epidural-steroid-injections"),
        };
        foreach (var article in Content.Value.Articles)
        {
            foreach (var code in article.Meta.RxNorm)
            {
                Assert.True(vetted.TryGetValue(code, out var ingredient), $"{article.Slug}: RxCUI {code} is not in CODES.md");
                Assert.Equal(ingredient.Article, article.Slug);
                Assert.Contains(ingredient.Name, article.FileText, StringComparison.OrdinalIgnoreCase);
            }

            // Every vetted ingredient the page is the home of, and names, is listed.
            Assert.All(vetted.Where(v => v.Value.Article == article.Slug && article.FileText.Contains(v.Value.Name, StringComparison.OrdinalIgnoreCase)),
                v => Assert.Contains(v.Key, article.Meta.RxNorm));
        }

        Assert.Equal(["5640", "7258"], Content.Value.Articles.Single(a => a.Slug == "nsaids").Meta.RxNorm);
    }

    [Fact]
    public void UrgentHelpGuideOpensWithTheEmergencyCardAndListsEverySignAtItsLevel()
    {
        var guide = Content.Value.Articles.Single(a => a.Slug == "when-to-get-urgent-help");
        var table = Content.Value.WarningSigns;

        Assert.StartsWith("<aside class=\"care care-emergency\"", guide.Html, StringComparison.Ordinal);
        Assert.Equal(table.Signs.Select(s => s.Id).Order(StringComparer.Ordinal), guide.WarningSigns.Order(StringComparer.Ordinal));
        foreach (var level in NerveSpasmGuide.Content.Safety.CareLevels.All)
        {
            var start = guide.Html.IndexOf($"<aside class=\"care care-{level.Name}\"", StringComparison.Ordinal);
            var card = guide.Html[start..guide.Html.IndexOf("</aside>", start, StringComparison.Ordinal)];
            Assert.All(table.OfLevel(level), sign => Assert.Contains($"<li data-sign=\"{sign.Id}\">{System.Net.WebUtility.HtmlEncode(sign.Text)}", card, StringComparison.Ordinal));
            Assert.Equal(table.OfLevel(level).Count(), card.Split("<li data-sign=").Length - 1);
        }
    }

    [Fact]
    public void TheSignsNamedInTheReviewAreOnThePagesWhereTheyApply()
    {
        (string Slug, string Sign)[] expected =
        [
            ("numbness-and-tingling", "stroke-sudden-one-side"), ("muscle-weakness", "stroke-sudden-one-side"), ("loss-of-balance", "stroke-balance-or-vision"),
            ("foot-drop", "stroke-sudden-one-side"), ("peripheral-neuropathy", "stroke-sudden-one-side"), ("radiating-pain", "heart-attack"),
            ("sciatica", "both-legs"), ("peripheral-neuropathy", "diabetic-foot-red-hot"), ("cervical-radiculopathy", "neck-pain-clumsy-hands"),
            ("rest-and-activity", "serious-injury"), ("muscle-weakness", "stroke-face-arm-speech"),
        ];
        foreach (var (slug, sign) in expected)
        {
            Assert.True(Content.Value.Articles.Single(a => a.Slug == slug).WarningSigns.Contains(sign), $"{slug} does not show {sign}");
        }
    }

    [Fact]
    public void NoLinkTextNestsBrackets()
    {
        Assert.DoesNotContain(Content.Value.Problems, p => p.Message.Contains("followed by more brackets", StringComparison.Ordinal));
        Assert.Equal("NSAIDs", Content.Value.Articles.Single(a => a.Slug == "nsaids").Meta.LinkText);
    }

    [Fact]
    public void EverySourceIsCopiedFieldForFieldFromTheVettedBibliography()
    {
        Assert.True(File.Exists(Paths.Bibliography), $"the vetted bibliography is expected at {Paths.Bibliography} (shared/ beside the checkout)");
        var vetted = ReadEntries(File.ReadAllText(Paths.Bibliography));
        var shipped = ReadEntries(File.ReadAllText(Path.Combine(Paths.Content, SourceFileReader.SourcesFile)));

        Assert.NotEmpty(shipped);
        foreach (var (key, fields) in shipped)
        {
            Assert.True(vetted.TryGetValue(key, out var original), $"source '{key}' is not in the vetted bibliography");
            Assert.Equal(original, fields);
        }
    }

    [Fact]
    public void SynonymsCoverAtLeastFortyLayTermsThatAllResolve()
    {
        Assert.True(Content.Value.Synonyms.Count >= 40, $"only {Content.Value.Synonyms.Count} lay terms");
        Assert.DoesNotContain(Content.Value.Problems, p => p.Path == SourceFileReader.SynonymsFile);
        foreach (var term in new[] { "pinched nerve", "slipped disc", "pins and needles", "charley horse", "trapped nerve", "back spasm", "leg cramps", "bulging disc", "wear and tear" })
        {
            Assert.Contains(Content.Value.Synonyms, s => s.Term == term);
        }
    }

    private static Dictionary<string, Dictionary<string, string>> ReadEntries(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var entries = (YamlSequenceNode)stream.Documents[0].RootNode;
        return entries.Children.Cast<YamlMappingNode>().ToDictionary(
            e => ((YamlScalarNode)e.Children[new YamlScalarNode("key")]).Value!,
            e => e.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => kv.Value.ToString()));
    }

    [Fact]
    public void EveryArticleHasACurrentSpanishTranslationThatKeepsItsMarkup()
    {
        var spanish = Content.Value.Spanish.Articles;

        Assert.Equal(Content.Value.Articles.Select(a => a.UrlPath).Order(StringComparer.Ordinal), spanish.Select(a => a.UrlPath[3..]).Order(StringComparer.Ordinal));
        Assert.All(spanish, a => Assert.False(a.Stale, $"{a.SourcePath} translates an older version of {a.EnglishPath}"));
        Assert.DoesNotContain(Content.Value.Problems, p => p.IsError && p.Path.StartsWith("es/", StringComparison.Ordinal));
        Assert.Equal(Content.Value.WarningSigns.Signs.Select(s => s.Id), Content.Value.Spanish.WarningSigns.Signs.Select(s => s.Id));

        // Links inside a Spanish page go to Spanish pages: none falls back to an English page.
        Assert.All(spanish, a => Assert.DoesNotMatch("class=\"xref\" href=\"/(?!es/)", a.Html));
    }
}

internal static class Paths
{
    public static string Root { get; } = Repository.Root;

    public static string Content => Path.Combine(Root, "content");

    public static string Bibliography => Path.GetFullPath(Path.Combine(Root, "..", "shared", "bibliography.yaml"));

}
