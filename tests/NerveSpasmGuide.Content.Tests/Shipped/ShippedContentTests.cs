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
    };

    public static TheoryData<string> ArticleSlugs => [.. Content.Value.Articles.Select(a => a.Slug)];

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
    [MemberData(nameof(ArticleSlugs))]
    public void CauseAndSymptomPagesCarryCareCardsThatLinkToUrgentHelp(string slug)
    {
        var article = Content.Value.Articles.Single(a => a.Slug == slug);
        if (article.Kind is not (ArticleKind.Cause or ArticleKind.Symptom))
        {
            return;
        }

        Assert.Contains(article.CareLevels, level => level is "emergency" or "urgent");
        Assert.Contains(new ArticleLink("when-to-get-urgent-help", LinkType.Inline), article.Links);
    }

    [Fact]
    public void CausePagesCarryIcd10CodesOnlyFromTheVettedList()
    {
        string[] vetted = ["M54.30", "M54.31", "M54.32", "M54.15", "M54.16", "M54.17", "M54.18", "M47.816", "M47.26", "G62.9", "E11.40",
            "G57.00", "G57.01", "G57.02", "G57.03", "M62.830", "M62.838", "R25.2"];
        foreach (var article in Content.Value.Articles)
        {
            Assert.All(article.Meta.Icd10, code => Assert.Contains(code, vetted));
        }

        Assert.Equal(["M54.30", "M54.31", "M54.32"], Content.Value.Articles.Single(a => a.Slug == "sciatica").Meta.Icd10);
        Assert.Contains("E11.40", Content.Value.Articles.Single(a => a.Slug == "peripheral-neuropathy").Meta.Icd10);
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
}

internal static class Paths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Bibliography => Path.GetFullPath(Path.Combine(Root, "..", "shared", "bibliography.yaml"));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NerveSpasmGuide.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NerveSpasmGuide.sln not found above the test folder");
    }
}
