using System.Text.RegularExpressions;

namespace NerveSpasmGuide.Content.Readability;

/// <summary>Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.</summary>
public static partial class ReadingGrade
{
    public sealed record TextStatistics(int Sentences, int Words, int Syllables)
    {
        public double Grade => Words == 0 || Sentences == 0
            ? 0
            : Math.Round((0.39 * Words / Sentences) + (11.8 * Syllables / Words) - 15.59, 1);
    }

    /// <summary>Measures text units (paragraphs, list items); a unit without closing punctuation counts as one sentence.</summary>
    public static TextStatistics Measure(IEnumerable<string> units)
    {
        int sentences = 0, words = 0, syllables = 0;
        foreach (var unit in units)
        {
            var unitSentences = SentenceEnd().Split(unit).Count(part => WordPattern().IsMatch(part));
            var unitWords = WordPattern().Matches(unit);
            if (unitWords.Count == 0)
            {
                continue;
            }

            sentences += Math.Max(1, unitSentences);
            words += unitWords.Count;
            syllables += unitWords.Sum(word => Syllables(word.Value));
        }

        return new TextStatistics(sentences, words, syllables);
    }

    public static double Grade(string text) => Measure([text]).Grade;

    /// <summary>A common heuristic: vowel groups, less a silent final "e" or "-ed"/"-es", at least one.</summary>
    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length <= 3)
        {
            return 1;
        }

        w = SilentEnding().Replace(w, "");
        w = LeadingY().Replace(w, "");
        return Math.Max(1, VowelGroup().Count(w));
    }

    [GeneratedRegex(@"[.!?]+(?:\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'’-]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex("(?:[^laeiouy]es|ed|[^laeiouy]e)$")]
    private static partial Regex SilentEnding();

    [GeneratedRegex("^y")]
    private static partial Regex LeadingY();

    [GeneratedRegex("[aeiouy]{1,2}")]
    private static partial Regex VowelGroup();
}
