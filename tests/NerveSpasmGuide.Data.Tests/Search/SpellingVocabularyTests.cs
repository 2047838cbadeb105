using NerveSpasmGuide.Data.Search;

namespace NerveSpasmGuide.Data.Tests.Search;

public sealed class SpellingVocabularyTests
{
    private static readonly SpellingVocabulary Words = new(new Dictionary<string, int>
    {
        ["sciatica"] = 120, ["sciatic"] = 40, ["spasm"] = 60, ["spasms"] = 80, ["nerve"] = 300, ["nurse"] = 2, ["never"] = 30,
        ["disc"] = 90, ["disk"] = 2, ["pain"] = 500, ["lyrica"] = 10, ["leg"] = 50,
    });

    [Theory]
    [InlineData("sciatca", "sciatica")]
    [InlineData("siatica", "sciatica")]
    [InlineData("lyrca", "lyrica")]
    [InlineData("nerv", "nerve")]
    [InlineData("spasmz", "spasms")]
    [InlineData("pian", "pain")]
    public void CorrectsAMisspellingToTheClosestSiteWord(string typed, string expected) =>
        Assert.Equal(expected, Words.Closest(typed));

    [Fact]
    public void PrefersTheWordCommonOnTheSiteAmongEquallyCloseOnes() =>
        Assert.Equal("nerve", Words.Closest("nerse")); // "nurse" is as close, and rare

    [Theory]
    [InlineData("leq")]
    [InlineData("pan")]
    public void NeverCorrectsAWordOfThreeLettersOrFewer(string typed) => Assert.Null(Words.Closest(typed));

    [Fact]
    public void FindsNothingForAWordFarFromEverySiteWord() => Assert.Null(Words.Closest("xylophone"));

    [Fact]
    public void OffersAMuchMoreCommonCloseWordButNotAnEquallyCommonOne()
    {
        Assert.Equal("disc", Words.MuchMoreCommonThan("disk"));
        Assert.Null(Words.MuchMoreCommonThan("sciatica"));
        Assert.Null(Words.MuchMoreCommonThan("spasm"));
    }

    [Fact]
    public void KnowsAPrefixOfASiteWord()
    {
        Assert.True(Words.HasPrefix("scia"));
        Assert.False(Words.HasPrefix("xyl"));
    }

    [Fact]
    public void CountsWordsUnstemmedWithTheirWeight()
    {
        var counts = SpellingVocabulary.CountWords([("Sciatica: sciatic pain 2026", 10), ("sciatica", 1)]);

        Assert.Equal(11, counts["sciatica"]);
        Assert.Equal(10, counts["sciatic"]);
        Assert.False(counts.ContainsKey("2026"));
    }
}
