using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Tests.Support;

namespace NerveSpasmGuide.Content.Tests.Parsing;

/// <summary>
/// The plain-words check over <c>plain-words.yaml</c>. In <see cref="TempContent.ArticleText"/> without extra front matter,
/// the body starts on line 9.
/// </summary>
public sealed class PlainWordsTests
{
    private const string List = """
        - word: utilize
          plain: use
        - word: prior to
          plain: before
        - word: chronic
          plain: long-lasting
        """;

    [Fact]
    public void EachUseInProseIsAWarningAtItsLineAndColumn()
    {
        using var content = new TempContent().Write("plain-words.yaml", List)
            .Article("guides", "a", "You may Utilize heat [@smith2020].\nCall us prior\nto a visit, and *prior to* the next one.");
        var set = content.Load();

        var warnings = PlainWordWarnings(set.Problems);
        Assert.Equal(
            [
                "guides/a.md:9:9: warning: plain words: 'use' may read more easily than 'utilize' (plain-words.yaml line 1)",
                "guides/a.md:10:9: warning: plain words: 'before' may read more easily than 'prior to' (plain-words.yaml line 3)",
                "guides/a.md:11:18: warning: plain words: 'before' may read more easily than 'prior to' (plain-words.yaml line 3)",
            ],
            warnings);
        Assert.Single(set.Articles);
        Assert.DoesNotContain(set.Problems, p => p.IsError);
    }

    [Fact]
    public void HeadingsCodeLinkAddressesWikiLinksAndBrokenPhrasesAreNotChecked()
    {
        using var content = new TempContent().Write("plain-words.yaml", List)
            .Article("guides", "chronic-target", "Text [@smith2020].", title: "Chronic")
            .Article("guides", "a", """
                ## How to utilize heat

                Run `utilize --now` or read [the guide](https://example.org/utilize) and [[chronic-target]] [@smith2020].

                ```
                utilize prior to
                ```

                Stop it prior, to be safe; a prior [@smith2020] to-do list.

                See [how to utilize it](https://example.org/a).
                """);

        var warnings = PlainWordWarnings(content.Load().Problems.Where(p => p.Path == "guides/a.md"));

        // Only the link's own words are prose: line 19 of the file, the text after "See [how to ".
        Assert.Equal(["guides/a.md:19:13: warning: plain words: 'use' may read more easily than 'utilize' (plain-words.yaml line 1)"], warnings);
    }

    [Fact]
    public void WordsOfThePagesOwnNamesOrKeptInFrontMatterAreNotWarnedOf()
    {
        using var content = new TempContent().Write("plain-words.yaml", List)
            .Article("guides", "chronic-pain", "Chronic pain lasts [@smith2020]. Do not utilize force.", title: "Chronic pain")
            .Article("guides", "other", "Some call it prior to care, or chronic [@smith2020].", "also_called: [pain prior to treatment]")
            .Article("guides", "kept", "Chronic means long-lasting [@smith2020].", "keep_words: [chronic]");

        var warnings = PlainWordWarnings(content.Load().Problems);

        Assert.Equal(
            [
                "guides/chronic-pain.md:9:41: warning: plain words: 'use' may read more easily than 'utilize' (plain-words.yaml line 1)",
                "guides/other.md:9:32: warning: plain words: 'long-lasting' may read more easily than 'chronic' (plain-words.yaml line 5)",
            ],
            warnings);
    }

    [Fact]
    public void CareCardSignTextComesFromTheTableAndIsNotChecked()
    {
        using var content = new TempContent().Write("plain-words.yaml", List)
            .Write("warning-signs.yaml", TempContent.WarningSigns.Replace("Pain that is not better after a few weeks", "Chronic pain that is not better", StringComparison.Ordinal))
            .Article("causes", "a", "Text [@smith2020].\n\n::: see-a-doctor not-better\nSee a doctor prior to a trip.\n:::");

        var warnings = PlainWordWarnings(content.Load().Problems);

        Assert.Equal(["causes/a.md:12:14: warning: plain words: 'before' may read more easily than 'prior to' (plain-words.yaml line 3)"], warnings);
    }

    [Fact]
    public void MistakesInTheListAreErrorsWithTheirLines()
    {
        using var content = new TempContent().Write("plain-words.yaml", """
            - word: utilize
              plain: use
            - word: utilize
              plain: use it
            - word: Prior To
              plain: before
            - word: onset
              plane: start
            """).Article("guides", "a", "Text [@smith2020].");

        var errors = content.Load().Problems.Where(p => p.Path == "plain-words.yaml").Select(p => (p.Line, p.IsError, p.Message)).ToList();

        Assert.Contains((3, true, "'utilize' is already listed on line 1"), errors);
        Assert.Contains(errors, e => e.Line == 5 && e.IsError && e.Message.Contains("must be lowercase words", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 8 && e.IsError && e.Message.Contains("unknown key 'plane' (did you mean 'plain'?)", StringComparison.Ordinal));
    }

    private static List<string> PlainWordWarnings(IEnumerable<ContentProblem> problems) =>
        [.. problems.Where(p => p.Message.StartsWith("plain words:", StringComparison.Ordinal)).Select(p => p.ToString())];
}
