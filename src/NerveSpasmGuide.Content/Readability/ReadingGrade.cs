namespace NerveSpasmGuide.Content.Readability;

/// <summary>
/// Two reading grades of the same counts: Flesch–Kincaid (0.39 × words per sentence + 11.8 × syllables per word − 15.59)
/// and SMOG (1.0430 × √(polysyllables × 30 / sentences) + 3.1291, where a polysyllable is a word of three or more syllables).
/// </summary>
public static class ReadingGrade
{
    /// <summary>A word of this many syllables or more counts towards SMOG.</summary>
    public const int PolysyllableMinimum = 3;

    /// <param name="Polysyllables">Words of <see cref="PolysyllableMinimum"/> syllables or more.</param>
    public sealed record TextStatistics(int Sentences, int Words, int Syllables, int Polysyllables)
    {
        /// <summary>The Flesch–Kincaid grade level, to one decimal; 0 for text without words.</summary>
        public double Grade => Words == 0 || Sentences == 0
            ? 0
            : Math.Round((0.39 * Words / Sentences) + (11.8 * Syllables / Words) - 15.59, 1);

        /// <summary>The SMOG grade, to one decimal; 0 for text without words.</summary>
        public double Smog => Words == 0 || Sentences == 0
            ? 0
            : Math.Round((1.0430 * Math.Sqrt(Polysyllables * 30.0 / Sentences)) + 3.1291, 1);
    }

    /// <summary>
    /// Measures text units (paragraphs, list items); a unit without closing punctuation counts as one sentence.
    /// A word is an ASCII letter followed by letters, apostrophes or hyphens; a sentence ends at a run of . ! or ?
    /// followed by white space or the end of the unit, and counts only if it holds a word. One pass over the
    /// characters, without allocating: it runs for every paragraph of every article at each import.
    /// </summary>
    public static TextStatistics Measure(IEnumerable<string> units)
    {
        int sentences = 0, words = 0, syllables = 0, polysyllables = 0;
        foreach (var unit in units)
        {
            var (unitSentences, unitWords, unitSyllables, unitPolysyllables) = MeasureUnit(unit);
            if (unitWords == 0)
            {
                continue;
            }

            sentences += Math.Max(1, unitSentences);
            words += unitWords;
            syllables += unitSyllables;
            polysyllables += unitPolysyllables;
        }

        return new TextStatistics(sentences, words, syllables, polysyllables);
    }

    private static (int Sentences, int Words, int Syllables, int Polysyllables) MeasureUnit(ReadOnlySpan<char> text)
    {
        int sentences = 0, words = 0, syllables = 0, polysyllables = 0;
        var wordInSentence = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiLetter(c))
            {
                var start = i++;
                while (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] is '\'' or '’' or '-'))
                {
                    i++;
                }

                words++;
                var count = Syllables(text[start..i]);
                syllables += count;
                polysyllables += count >= PolysyllableMinimum ? 1 : 0;
                wordInSentence = true;
            }
            else if (c is '.' or '!' or '?')
            {
                if (EndsSentence(text, ref i) && wordInSentence)
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

        return (wordInSentence ? sentences + 1 : sentences, words, syllables, polysyllables);
    }

    public static double Grade(string text) => Measure([text]).Grade;

    /// <summary>Steps over a run of <c>.</c>, <c>!</c> or <c>?</c> at <paramref name="i"/>; true when white space or the end follows (a full stop inside "e.g" or "3.5" is not an end).</summary>
    internal static bool EndsSentence(ReadOnlySpan<char> text, ref int i)
    {
        while (i < text.Length && text[i] is '.' or '!' or '?')
        {
            i++;
        }

        return i == text.Length || char.IsWhiteSpace(text[i]);
    }

    /// <summary>
    /// A common heuristic: vowel groups of one or two letters, after dropping a silent ending ("-es" after a consonant
    /// other than l, "-ed", or "-e" after such a consonant) and a leading "y"; at least one. Written out by hand
    /// because it runs for every word of every article at each import.
    /// </summary>
    public static int Syllables(string word) => Syllables(word.AsSpan());

    private static int Syllables(ReadOnlySpan<char> word)
    {
        if (word.Length <= 3)
        {
            return 1;
        }

        Span<char> letters = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        var length = word.ToLowerInvariant(letters);
        var w = letters[..length];
        if (w.EndsWith("es") && w.Length >= 3 && !IsLaeiouy(w[^3]))
        {
            w = w[..^3];
        }
        else if (w.EndsWith("ed"))
        {
            w = w[..^2];
        }
        else if (w.EndsWith("e") && w.Length >= 2 && !IsLaeiouy(w[^2]))
        {
            w = w[..^2];
        }

        if (w.Length > 0 && w[0] == 'y')
        {
            w = w[1..];
        }

        int count = 0, run = 0;
        foreach (var c in w)
        {
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y')
            {
                run++;
                continue;
            }

            count += (run + 1) / 2;
            run = 0;
        }

        count += (run + 1) / 2;
        return Math.Max(1, count);
    }

    private static bool IsLaeiouy(char c) => c is 'l' or 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
