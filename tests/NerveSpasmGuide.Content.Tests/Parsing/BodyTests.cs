using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Loading;
using NerveSpasmGuide.Content.Tests.Support;

namespace NerveSpasmGuide.Content.Tests.Parsing;

public sealed class BodyTests
{
    [Fact]
    public void WikiLinkBecomesLinkToTheArticleOfAnyKind()
    {
        using var content = new TempContent()
            .Article("causes", "sciatica", "See [[physical-therapy]] and [[physical-therapy|exercise help]] [@smith2020].\n\n::: emergency legs-weak\n:::\n", title: "Sciatica")
            .Article("treatments", "physical-therapy", "Back to [[sciatica]] [@smith2020].", title: "Physical therapy");
        var set = content.Load();
        var sciatica = Assert.Single(set.Articles, a => a.Slug == "sciatica");

        Assert.DoesNotContain(set.Problems, p => p.IsError);
        Assert.Contains("<a class=\"xref\" href=\"/treatments/physical-therapy\">physical therapy</a>", sciatica.Html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"xref\" href=\"/treatments/physical-therapy\">exercise help</a>", sciatica.Html, StringComparison.Ordinal);
        Assert.Contains(new ArticleLink("physical-therapy", LinkType.Inline), sciatica.Links);
    }

    [Fact]
    public void UnresolvedLinkIsAnErrorWithPositionAndSuggestionButPageStays()
    {
        using var content = new TempContent()
            .Article("guides", "a", "First line [@smith2020].\n\nSee [[sciatca]] now.")
            .Article("causes", "sciatica", "S [@smith2020] [[a]].\n\n::: urgent fever\n:::\n");
        var set = content.Load();

        var problem = Assert.Single(set.Problems, p => p.IsError);
        Assert.Equal("guides/a.md", problem.Path);
        Assert.Equal(11, problem.Line);
        Assert.Equal(5, problem.Column);
        Assert.Contains("did you mean [[sciatica]]", problem.Message, StringComparison.Ordinal);
        var article = Assert.Single(set.Articles, a => a.Slug == "a");
        Assert.Contains("<span class=\"xref-missing\">sciatca</span>", article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void CitationsAreNumberedInOrderOfFirstUseAndEachClusterReadsInAscendingOrder()
    {
        using var content = new TempContent().Article("guides", "a", "One [@jones2021]. Two [@smith2020; @jones2021]. Three [@smith2020].");
        var article = Assert.Single(content.Load().Articles);

        Assert.Equal(["jones2021", "smith2020"], article.CitedSourceKeys);
        Assert.Equal([2, 2], article.CitationCounts);
        Assert.Contains("<a id=\"cite-1-1\" href=\"#source-1\" aria-label=\"Source 1\">1</a>]</sup>. Two", article.Html, StringComparison.Ordinal);
        Assert.Contains("[<a id=\"cite-1-2\" href=\"#source-1\" aria-label=\"Source 1\">1</a>, <a id=\"cite-2-1\" href=\"#source-2\"", article.Html, StringComparison.Ordinal);
        Assert.Contains("Three <sup class=\"cite\">[<a id=\"cite-2-2\" href=\"#source-2\"", article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCitationKeyIsAnError()
    {
        using var content = new TempContent().Article("guides", "a", "Fact [@smith2020]. Other [@smtih2020].");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.Contains("unknown citation key '@smtih2020'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean '@smith2020'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArticleWithoutCitationIsAnErrorAndNotPublished()
    {
        using var content = new TempContent().Article("guides", "a", "No sources here.");
        var set = content.Load();

        Assert.Empty(set.Articles);
        Assert.Contains(set.Problems, p => p.IsError && p.Message.Contains("cites no source", StringComparison.Ordinal));
    }

    [Fact]
    public void CareCardsRenderAsLabelledAsides()
    {
        using var content = new TempContent().Article("guides", "a",
            "Intro [@smith2020].\n\n::: emergency legs-weak\n:::\n\n::: see-a-doctor not-better\nBook a visit.\n:::\n");
        var article = Assert.Single(content.Load().Articles);

        Assert.Contains("<aside class=\"care care-emergency\" id=\"care-emergency\" aria-label=\"Emergency: call 911 now\">", article.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>Call 911 or go to the nearest emergency room now", article.Html, StringComparison.Ordinal);
        Assert.Contains("care-see-a-doctor", article.Html, StringComparison.Ordinal);
        Assert.Equal(["emergency", "see-a-doctor"], article.CareLevels);
    }

    [Fact]
    public void UnknownCareCardIsAnError()
    {
        using var content = new TempContent().Article("guides", "a", "Intro [@smith2020].\n\n::: panic\nText.\n:::\n");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.Contains("unknown care card '::: panic'", problem.Message, StringComparison.Ordinal);
        Assert.Equal(11, problem.Line);
    }

    [Fact]
    public void CausePageWithoutCareCardIsAnError()
    {
        using var content = new TempContent().Article("causes", "a", "Intro [@smith2020].");
        Assert.Contains(content.Load().Problems, p => p.IsError && p.Message.Contains("needs at least one care card", StringComparison.Ordinal));
    }

    [Fact]
    public void RawHtmlIsRenderedAsText()
    {
        using var content = new TempContent().Article("guides", "a",
            "Hello <script>alert(1)</script> and <img src=x onerror=alert(2)> [@smith2020].\n\n<div onclick=\"x()\">block</div>\n");
        var article = Assert.Single(content.Load().Articles);

        Assert.DoesNotContain("<script", article.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", article.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", article.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", article.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("vbscript:x")]
    [InlineData("//evil.example/path")]
    public void UnsafeLinkTargetsAreRemovedAndReported(string target)
    {
        using var content = new TempContent().Article("guides", "a", $"Click [here]({target}) now [@smith2020].");
        var set = content.Load();
        var article = Assert.Single(set.Articles);

        Assert.DoesNotContain("href=\"" + target, article.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Click here now", article.Html, StringComparison.Ordinal);
        Assert.Contains(set.Problems, p => p.IsError && p.Message.Contains("is not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void ExternalLinksAreMarked()
    {
        using var content = new TempContent().Article("guides", "a", "Read [NICE](https://www.nice.org.uk/guidance/ng59) [@smith2020].");
        var article = Assert.Single(content.Load().Articles);

        Assert.Contains("href=\"https://www.nice.org.uk/guidance/ng59\"", article.Html, StringComparison.Ordinal);
        Assert.Contains("class=\"external\"", article.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# Second title\n\nText [@smith2020].", "only h1")]
    [InlineData("## Part\n\n#### Too deep\n\nText [@smith2020].", "skips from h2 to h4")]
    [InlineData("### Starts too deep\n\nText [@smith2020].", "skips from h1 to h3")]
    public void HeadingStructureIsChecked(string body, string expected)
    {
        using var content = new TempContent().Article("guides", "a", body);
        Assert.Contains(content.Load().Problems, p => p.IsError && p.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void TableOfContentsListsSectionHeadingsWithIds()
    {
        using var content = new TempContent().Article("guides", "a", "## What it is\n\nText [@smith2020].\n\n### Detail\n\nMore.\n\n## When to get help\n\nCall.");
        var article = Assert.Single(content.Load().Articles);

        Assert.Equal(
            [new TocEntry(2, "what-it-is", "What it is"), new TocEntry(3, "detail", "Detail"), new TocEntry(2, "when-to-get-help", "When to get help")],
            article.Toc);
        Assert.Contains("id=\"when-to-get-help\"", article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void TableOfContentsMarksTheSectionsThatHoldCareCards()
    {
        using var content = new TempContent().Article("guides", "a",
            "## What it is\n\nText [@smith2020].\n\n## When to get help\n\n### Now\n\n::: emergency legs-weak\n:::\n\n## Living with it\n\nMore.");
        var article = Assert.Single(content.Load().Articles);

        Assert.Equal(["when-to-get-help"], article.Toc.Where(t => t.HasCareCard).Select(t => t.Id));
    }

    [Fact]
    public void EachCareLevelsFirstCardHasTheAnchorTheWhatToDoNowBoxLinksTo()
    {
        using var content = new TempContent().Article("guides", "a",
            "Intro [@smith2020].\n\n::: see-a-doctor not-better\n:::\n\nMore.\n\n::: emergency legs-weak\n:::\n");
        var article = Assert.Single(content.Load().Articles);

        Assert.Contains("id=\"care-see-a-doctor\"", article.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"care-emergency\"", article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainTextLeavesOutHeadingsCitationsAndLinkTargets()
    {
        using var content = new TempContent()
            .Article("treatments", "physical-therapy", "PT [@smith2020].", title: "Physical therapy")
            .Article("guides", "a", "## Heading words\n\nTry [[physical-therapy]] daily [@smith2020].");
        var article = Assert.Single(content.Load().Articles, a => a.Slug == "a");

        Assert.Equal("Try physical therapy daily.", article.PlainText);
    }

    [Fact]
    public void SlugAndAliasCollisionsAreErrors()
    {
        using var content = new TempContent()
            .Article("causes", "twin", "A [@smith2020].\n\n::: urgent fever\n:::\n")
            .Article("symptoms", "twin", "B [@smith2020].")
            .Article("guides", "c", "C [@smith2020] [[twin]].", "aliases: [twin, shared-old]")
            .Article("guides", "d", "D [@smith2020] [[c]].", "aliases: [shared-old]");
        var messages = content.Load().Problems.Where(p => p.IsError).Select(p => p.ToString()).ToList();

        Assert.Contains(messages, m => m.StartsWith("symptoms/twin.md:1:1: error: slug 'twin' is already used by causes/twin.md", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("alias 'twin' is already the slug of causes/twin.md", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("guides/d.md", StringComparison.Ordinal) && m.Contains("alias 'shared-old' is already claimed by guides/c.md", StringComparison.Ordinal));
    }

    [Fact]
    public void RelatedSlugMustExistUnderTheNamedKind()
    {
        using var content = new TempContent()
            .Article("treatments", "rest", "R [@smith2020].")
            .Article("guides", "a", "A [@smith2020] [[rest]].", "related:\n  symptoms: [rest]\n  treatments: [rest]");
        var set = content.Load();

        var problem = Assert.Single(set.Problems, p => p.IsError);
        Assert.Contains("related symptoms 'rest' does not exist (it is under treatments)", problem.Message, StringComparison.Ordinal);
        Assert.Contains(new ArticleLink("rest", LinkType.Related), Assert.Single(set.Articles, a => a.Slug == "a").Links);
    }

    [Fact]
    public void OrphansAndUncitedSourcesAreWarnings()
    {
        using var content = new TempContent().Article("guides", "lonely", "Alone [@smith2020].");
        var warnings = content.Load().Problems.Where(p => !p.IsError).Select(p => p.Message).ToList();

        Assert.Contains("orphan: no other article links here", warnings);
        Assert.Contains("source 'jones2021' is never cited", warnings);
    }

    [Fact]
    public void CheckReportsEveryProblemLoadReportsWithoutRendering()
    {
        using var content = new TempContent()
            .Article("guides", "a", "## Start\n\n#### Skipped\n\nSee [[sciatca]] [@smith2021] and [x](javascript:alert(1)).\n\n::: maybe\nHm.\n:::\n")
            .Article("causes", "sciatica", "S [@smith2020] [[a]].\n\n::: urgent fever\n:::\n");
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

        var loaded = ContentLoader.Load(content.Root, clock);
        var checkedOnly = ContentLoader.Check(content.Root, clock);

        Assert.True(loaded.ErrorCount >= 3, string.Join("\n", loaded.Problems));
        Assert.Equal(loaded.Problems, checkedOnly.Problems);
        Assert.Equal(loaded.Articles.Select(a => (a.Slug, a.ReadingGrade, a.WordCount)), checkedOnly.Articles.Select(a => (a.Slug, a.ReadingGrade, a.WordCount)));
        Assert.All(checkedOnly.Articles, a => Assert.Equal("", a.Html));
    }

    [Fact]
    public void MarkdownNestedPastTheParsersLimitIsAnErrorNotACrash()
    {
        var quotes = string.Concat(Enumerable.Repeat("> ", 5000));
        var emphasis = string.Concat(Enumerable.Repeat("*a ", 5000)) + "b" + string.Concat(Enumerable.Repeat(" a*", 5000));
        using var content = new TempContent()
            .Article("guides", "quotes", $"Text [@smith2020] [[other]].\n\n{quotes}quoted\n")
            .Article("guides", "emphasis", $"Text [@smith2020] [[other]].\n\n{emphasis}\n")
            .Article("guides", "other", "Back to [[quotes]] [[emphasis]] [@smith2020].");

        var set = content.Load();

        Assert.Single(set.Articles);
        // The parser refuses the quotes outright (reported at the body's first line); the emphasis parses, and its
        // depth is caught before the renderer would refuse it (reported where it is).
        foreach (var (path, line) in (ReadOnlySpan<(string, int)>)[("guides/quotes.md", 8), ("guides/emphasis.md", 11)])
        {
            var problem = Assert.Single(set.Problems, p => p.IsError && p.Path == path);
            Assert.Equal(line, problem.Line);
            Assert.Contains("nested too deeply", problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NestingWithinTheParsersLimitKeepsEveryLinkInDocumentOrder()
    {
        var quotes = string.Concat(Enumerable.Repeat("> ", 40));
        using var content = new TempContent()
            .Article("guides", "deep", $"First [[other|one]] [@smith2020].\n\n{quotes}Quoted [[other|two]] [x](https://example.org/) [@jones2021].\n\n- List *with **nested [[other|three]]***\n")
            .Article("guides", "other", "Back to [[deep]] [@smith2020].");

        var set = content.Load();

        var deep = Assert.Single(set.Articles, a => a.Slug == "deep");
        Assert.DoesNotContain(set.Problems, p => p.IsError);
        Assert.Equal(["smith2020", "jones2021"], deep.CitedSourceKeys);
        var one = deep.Html.IndexOf(">one</a>", StringComparison.Ordinal);
        var two = deep.Html.IndexOf(">two</a>", StringComparison.Ordinal);
        var three = deep.Html.IndexOf(">three</a>", StringComparison.Ordinal);
        Assert.True(one > 0 && two > one && three > two, deep.Html);
        Assert.Contains("class=\"external\"", deep.Html, StringComparison.Ordinal);
        Assert.Contains("Quoted two", deep.PlainText, StringComparison.Ordinal);
    }
}
