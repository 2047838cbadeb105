using NerveSpasmGuide.Content.Tests.Support;

namespace NerveSpasmGuide.Content.Tests.Safety;

public sealed class WarningSignTests
{
    private const string Intro = "Intro [@jones2021].\n\n";

    [Fact]
    public void CardListsTheTableSignsInItsWordsWithTheirSourcesAfterTheLevelsLead()
    {
        using var content = new TempContent().Article("guides", "a", Intro + "::: emergency legs-weak\nRead more below.\n:::\n");
        var set = content.Load();
        var article = Assert.Single(set.Articles);

        Assert.DoesNotContain(set.Problems, p => p.IsError);
        Assert.Equal(["legs-weak"], article.WarningSigns);
        Assert.Equal(["jones2021", "smith2020"], article.CitedSourceKeys);
        var lead = article.Html.IndexOf("<p class=\"care-lead\"><strong>Call 911 or go to the nearest emergency room now if you have any of these:</strong></p>", StringComparison.Ordinal);
        var sign = article.Html.IndexOf("<li data-sign=\"legs-weak\">Both legs suddenly weak <sup class=\"cite\">[<a id=\"cite-2-1\" href=\"#source-2\"", StringComparison.Ordinal);
        var own = article.Html.IndexOf("<p>Read more below.</p>", StringComparison.Ordinal);
        Assert.True(lead > 0 && sign > lead && own > sign, article.Html);
    }

    [Fact]
    public void ASignReadsTheSameOnEveryPageThatShowsIt()
    {
        using var content = new TempContent()
            .Article("guides", "a", "A [@smith2020].\n\n::: urgent fever\n:::\n")
            .Article("guides", "b", "B [@jones2021] and [[a]].\n\n::: urgent fever\nSee the other page.\n:::\n");
        var articles = content.Load().Articles;

        // The same words and the same source; only its number differs, as each page numbers its own sources.
        static string Item(string html) => System.Text.RegularExpressions.Regex.Replace(
            html[html.IndexOf("<li data-sign=\"fever\">", StringComparison.Ordinal)..html.IndexOf("</li>", StringComparison.Ordinal)], "[0-9]", "N");
        var first = Item(articles.Single(a => a.Slug == "a").Html);
        Assert.StartsWith("<li data-sign=\"fever\">Back pain with a fever <sup", first, StringComparison.Ordinal);
        Assert.Equal(first, Item(articles.Single(a => a.Slug == "b").Html));
        Assert.Equal(["smith2020", "jones2021"], articles.Single(a => a.Slug == "a").CitedSourceKeys);
    }

    [Fact]
    public void HandWrittenBulletInACareCardIsAnErrorOnItsLine()
    {
        using var content = new TempContent().Article("guides", "a", Intro + "::: emergency legs-weak\n- Numb legs\n:::\n");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.Equal("guides/a.md", problem.Path);
        Assert.Equal(12, problem.Line);
        Assert.Contains("may not list warning signs by hand", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CardThatNamesNoSignIsAnError()
    {
        using var content = new TempContent().Article("guides", "a", Intro + "::: urgent\nGet help today if your legs are weak.\n:::\n");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.Equal(11, problem.Line);
        Assert.Contains("names its warning signs by id on its opening line, e.g. '::: urgent fever'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SignInACardOfAnotherLevelIsAnError()
    {
        using var content = new TempContent().Article("guides", "a", Intro + "::: emergency fever\n:::\n");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.Equal(11, problem.Line);
        Assert.Contains("'fever' is an urgent sign", problem.Message, StringComparison.Ordinal);
        Assert.Contains("never in '::: emergency'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSignIsAnErrorWithASuggestion()
    {
        using var content = new TempContent().Article("guides", "a", Intro + "::: emergency leg-weak\n:::\n");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.Contains("unknown warning sign 'leg-weak'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'legs-weak'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SignNamedTwiceOnAPageIsAnError()
    {
        using var content = new TempContent().Article("guides", "a", Intro + "::: urgent fever\n:::\n\nMore.\n\n::: urgent fever\n:::\n");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.Equal(16, problem.Line);
        Assert.Contains("'fever' is already shown on this page", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PageThatMissesARequiredSignIsAnError()
    {
        using var content = new TempContent()
            .Write("warning-signs.yaml", TempContent.WarningSigns + "\nrequired:\n  causes/sciatica: [legs-weak, fever]\n")
            .Article("causes", "sciatica", Intro + "::: urgent fever\n:::\n");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.Equal("causes/sciatica.md", problem.Path);
        Assert.Contains("must show the warning sign 'legs-weak'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("add it to a '::: emergency' card", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KindRequirementAppliesToEveryPageOfThatKind()
    {
        using var content = new TempContent()
            .Write("warning-signs.yaml", TempContent.WarningSigns + "\nrequired:\n  causes: [legs-weak]\n")
            .Article("causes", "one", Intro + "::: emergency legs-weak\n:::\n")
            .Article("causes", "two", Intro + "::: urgent fever\n:::\n[[one]]")
            .Article("guides", "three", Intro + "No card here. [[two]]");
        var errors = content.Load().Problems.Where(p => p.IsError).ToList();

        var problem = Assert.Single(errors);
        Assert.Equal("causes/two.md", problem.Path);
    }

    [Fact]
    public void AllListsEverySignOfTheLevelUnderItsGroupsAndMeetsAnAllRequirement()
    {
        var table = TempContent.WarningSigns + """

              - id: face-droop
                level: emergency
                group: Stroke
                text: One side of the face drooping
                cite: [jones2021]
            required:
              guides/help: all
            """;
        using var content = new TempContent()
            .Write("warning-signs.yaml", table)
            .Article("guides", "help", Intro + "::: emergency all\n:::\n\n::: urgent all\n:::\n\n::: see-a-doctor all\n:::\n");
        var set = content.Load();
        var article = Assert.Single(set.Articles);

        Assert.DoesNotContain(set.Problems, p => p.IsError);
        Assert.Equal(["legs-weak", "face-droop", "fever", "not-better"], article.WarningSigns);
        var firstGroup = article.Html.IndexOf("<p class=\"care-group\"><strong>Back pain with leg problems</strong></p>", StringComparison.Ordinal);
        var stroke = article.Html.IndexOf("<p class=\"care-group\"><strong>Stroke</strong></p>", StringComparison.Ordinal);
        Assert.True(firstGroup > 0 && stroke > firstGroup, article.Html);
        Assert.Contains("<li data-sign=\"face-droop\">One side of the face drooping", article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void AllRequirementFailsForAPageThatNamesOnlySomeSigns()
    {
        using var content = new TempContent()
            .Write("warning-signs.yaml", TempContent.WarningSigns + "\nrequired:\n  guides/help: all\n")
            .Article("guides", "help", Intro + "::: emergency legs-weak\n:::\n\n::: urgent all\n:::\n");
        var errors = content.Load().Problems.Where(p => p.IsError).ToList();

        var problem = Assert.Single(errors);
        Assert.Contains("'not-better'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("or use '::: see-a-doctor all'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  - id: legs-weak\n    level: urgent\n    group: G\n    text: Again\n    cite: [smith2020]\n", 18, "sign id 'legs-weak' is already defined on line 2")]
    [InlineData("  - id: new-one\n    level: soon\n    group: G\n    text: Text\n    cite: [smith2020]\n", 19, "unknown level 'soon'")]
    [InlineData("  - id: new-one\n    level: urgent\n    group: G\n    text: See [[sciatica]]\n    cite: [smith2020]\n", 21, "sign text is plain words: '[' is Markdown or HTML")]
    [InlineData("  - id: new-one\n    level: urgent\n    group: G\n    text: Text\n    cite: [smith2021]\n", 22, "unknown source 'smith2021': it is not in sources.yaml (did you mean 'smith2020'?)")]
    [InlineData("  - id: new-one\n    level: urgent\n    group: G\n    text: Text\n", 18, "every warning sign needs 'cite'")]
    [InlineData("  - id: new-one\n    level: urgent\n    group: G\n    text: Text\n    cite: [smith2020]\n    home: true\n", 23, "only emergency signs go on the home page")]
    public void MistakesInTheTableAreErrorsOnTheirLine(string entry, int line, string message)
    {
        using var content = new TempContent()
            .Write("warning-signs.yaml", TempContent.WarningSigns + "\n" + entry)
            .Article("guides", "a", Intro + "::: urgent fever\n:::\n");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.Equal("warning-signs.yaml", problem.Path);
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("causes/nowhere: [fever]", "'causes/nowhere' is not a page")]
    [InlineData("places: [fever]", "'places' is not a kind")]
    [InlineData("guides/a: [fevr]", "requires unknown sign 'fevr' (did you mean 'fever'?)")]
    public void RequirementsNamingMissingPagesOrSignsAreErrors(string requirement, string message)
    {
        using var content = new TempContent()
            .Write("warning-signs.yaml", TempContent.WarningSigns + "\nrequired:\n  " + requirement + "\n")
            .Article("guides", "a", Intro + "::: urgent fever\n:::\n");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.Equal("warning-signs.yaml", problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }
}
