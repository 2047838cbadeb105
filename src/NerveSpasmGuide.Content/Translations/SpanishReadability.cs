using NerveSpasmGuide.Content.Readability;

namespace NerveSpasmGuide.Content.Translations;

/// <summary>
/// Fernández-Huerta reading ease for Spanish: 206.84 − 60 × syllables per word − 1.02 × words per sentence (higher is
/// easier: 70–80 "bastante fácil", 60–70 "normal"). Syllables are counted from vowel groups: two strong vowels
/// (a, e, o) are two syllables, as is a weak vowel with a written accent (í, ú) next to another vowel; any other
/// vowel group is one (a diphthong).
/// </summary>
public static class SpanishReadability
{
    public sealed record Figures(int Sentences, int Words, int Syllables)
    {
        public double Ease => Words == 0 || Sentences == 0
            ? 0
            : Math.Round(206.84 - (60.0 * Syllables / Words) - (1.02 * Words / Sentences), 1);
    }

    /// <summary>Measures text units (paragraphs, list items); a unit without closing punctuation counts as one sentence.</summary>
    public static Figures Measure(IEnumerable<string> units)
    {
        int sentences = 0, words = 0, syllables = 0;
        foreach (var unit in units)
        {
            var (unitSentences, unitWords, unitSyllables) = MeasureUnit(unit);
            if (unitWords > 0)
            {
                sentences += Math.Max(1, unitSentences);
                words += unitWords;
                syllables += unitSyllables;
            }
        }

        return new Figures(sentences, words, syllables);
    }

    private static (int Sentences, int Words, int Syllables) MeasureUnit(ReadOnlySpan<char> text)
    {
        int sentences = 0, words = 0, syllables = 0;
        var wordInSentence = false;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsLetter(text[i]))
            {
                var start = i;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }

                words++;
                syllables += Syllables(text[start..i]);
                wordInSentence = true;
            }
            else if (text[i] is '.' or '!' or '?')
            {
                if (ReadingGrade.EndsSentence(text, ref i) && wordInSentence)
                {
                    sentences++;
                    wordInSentence = false;
                }
            }
            else
            {
                i++;
            }
        }

        return (wordInSentence ? sentences + 1 : sentences, words, syllables);
    }

    public static int Syllables(ReadOnlySpan<char> word)
    {
        var count = 0;
        var previous = '\0';
        foreach (var raw in word)
        {
            var c = char.ToLowerInvariant(raw);
            if (!IsVowel(c))
            {
                previous = '\0';
                continue;
            }

            // A vowel starts a syllable unless it joins the previous one in a diphthong.
            if (previous == '\0' || (IsStrong(previous) && IsStrong(c)) || c is 'í' or 'ú' || previous is 'í' or 'ú')
            {
                count++;
            }

            previous = c;
        }

        return Math.Max(1, count);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'á' or 'é' or 'í' or 'ó' or 'ú' or 'ü';

    private static bool IsStrong(char c) => c is 'a' or 'e' or 'o' or 'á' or 'é' or 'ó';
}
