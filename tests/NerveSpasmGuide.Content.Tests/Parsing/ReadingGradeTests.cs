using System.Text.RegularExpressions;
using NerveSpasmGuide.Content.Readability;
using NerveSpasmGuide.Content.Tests.Shipped;

namespace NerveSpasmGuide.Content.Tests.Parsing;

public sealed partial class ReadingGradeTests
{
    [Theory]
    [InlineData("cat", 1)]
    [InlineData("table", 2)]
    [InlineData("nerve", 1)]
    [InlineData("spasm", 1)]
    [InlineData("doctor", 2)]
    [InlineData("medicine", 3)]
    [InlineData("inflammation", 4)]
    [InlineData("radiculopathy", 6)]
    public void SyllablesAreCountedLikeTheFleschKincaidHeuristic(string word, int expected) =>
        Assert.Equal(expected, ReadingGrade.Syllables(word));

    [Fact]
    public void GradeFollowsTheFleschKincaidFormula()
    {
        // 2 sentences, 10 words, 13 syllables, counted by hand:
        // 0.39 * 10/2 + 11.8 * 13/10 - 15.59 = 1.95 + 15.34 - 15.59 = 1.7
        var statistics = ReadingGrade.Measure(["The nerve is sore. My doctor gave me a medicine."]);

        Assert.Equal(new ReadingGrade.TextStatistics(2, 10, 13, 1), statistics);
        Assert.Equal(1.7, statistics.Grade);
    }

    [Fact]
    public void SmogFollowsItsFormulaOnTheSameCounts()
    {
        // 3 sentences; the words of three or more syllables, counted by hand: "medicine" (3), "inflammation" (4),
        // "radiculopathy" (6), "physical" (3), "therapy" (3) = 5 polysyllables ("nerve", "doctor", "gave" are fewer).
        // SMOG = 1.0430 * sqrt(5 * 30 / 3) + 3.1291 = 1.0430 * sqrt(50) + 3.1291 = 1.0430 * 7.0711 + 3.1291 = 10.504 → 10.5
        var statistics = ReadingGrade.Measure([
            "My doctor gave me a medicine.",
            "The inflammation comes from radiculopathy.",
            "Physical therapy helps the nerve.",
        ]);

        Assert.Equal(3, statistics.Sentences);
        Assert.Equal(5, statistics.Polysyllables);
        Assert.Equal(10.5, statistics.Smog);
    }

    [Fact]
    public void SmogOfTextWithoutLongWordsIsItsFloorAndOfNoTextIsZero()
    {
        // No polysyllables: 1.0430 * sqrt(0) + 3.1291 = 3.1; no words at all: 0, as for Flesch–Kincaid.
        Assert.Equal(3.1, ReadingGrade.Measure(["Rest a bit. Then walk."]).Smog);
        Assert.Equal(0, ReadingGrade.Measure(["", "..."]).Smog);
    }

    [Fact]
    public void TechnicalProseScoresHigherThanPlainProse()
    {
        const string plain = "Your back hurts. Rest a little. Then walk each day. Most people get better in a few weeks.";
        const string technical = "Lumbosacral radiculopathy characteristically manifests as dermatomal paresthesia accompanied by myotomal weakness, " +
            "frequently necessitating comprehensive neurophysiological evaluation and multidisciplinary intervention.";

        Assert.True(ReadingGrade.Grade(plain) < 4, "plain text should read below grade 4");
        Assert.True(ReadingGrade.Grade(technical) > 16, "dense clinical text should read above grade 16");
    }

    [Fact]
    public void ListItemsWithoutFullStopsCountAsSentences()
    {
        var statistics = ReadingGrade.Measure(["pain in one leg", "numb toes"]);
        Assert.Equal(2, statistics.Sentences);
        Assert.Equal(6, statistics.Words);
    }

    [Theory]
    [InlineData("Dr. Lee said so.  See e.g. page 3... Really?! Yes")]
    [InlineData("It's a self-care plan’s first step - rest. Then 10 mg... no.")]
    [InlineData("...?! . ! ? word")]
    [InlineData("3rd-degree x.y.z end.")]
    [InlineData("")]
    [InlineData("   ")]
    public void OnePassCountsMatchTheRegexDefinitionOnTrickyText(string text) =>
        Assert.Equal(MeasureByRegex([text]), ReadingGrade.Measure([text]));

    [Fact]
    public void OnePassCountsMatchTheRegexDefinitionOnEveryShippedParagraph()
    {
        var paragraphs = Directory.EnumerateFiles(Paths.Content, "*.md", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadAllText(file).Split("\n\n"))
            .ToList();

        Assert.True(paragraphs.Count > 500, $"only {paragraphs.Count} paragraphs found");
        foreach (var paragraph in paragraphs)
        {
            Assert.Equal(MeasureByRegex([paragraph]), ReadingGrade.Measure([paragraph]));
        }
    }

    /// <summary>The counting rules written as the two regular expressions they were first defined by.</summary>
    private static ReadingGrade.TextStatistics MeasureByRegex(IEnumerable<string> units)
    {
        int sentences = 0, words = 0, syllables = 0, polysyllables = 0;
        foreach (var unit in units)
        {
            var unitWords = WordPattern().Matches(unit);
            if (unitWords.Count == 0)
            {
                continue;
            }

            sentences += Math.Max(1, SentenceEnd().Split(unit).Count(part => WordPattern().IsMatch(part)));
            words += unitWords.Count;
            syllables += unitWords.Sum(word => ReadingGrade.Syllables(word.Value));
            polysyllables += unitWords.Count(word => ReadingGrade.Syllables(word.Value) >= 3);
        }

        return new ReadingGrade.TextStatistics(sentences, words, syllables, polysyllables);
    }

    [GeneratedRegex(@"[.!?]+(?:\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'’-]*")]
    private static partial Regex WordPattern();
}
