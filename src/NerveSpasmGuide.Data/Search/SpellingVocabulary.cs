namespace NerveSpasmGuide.Data.Search;

/// <summary>
/// Every word the site uses (titles, other names, summaries, body text and lay terms, unstemmed) with how often it is
/// used, built at import: what a misspelled query word is corrected to.
/// </summary>
public sealed class SpellingVocabulary
{
    /// <summary>How much more common a close word must be before "Did you mean" offers it for a word the site uses.</summary>
    private const int MuchMoreCommon = 20;

    private readonly Dictionary<string, int> counts;
    private readonly List<KeyValuePair<string, int>>[] byLength;

    public SpellingVocabulary(IEnumerable<KeyValuePair<string, int>> words)
    {
        counts = new Dictionary<string, int>(words, StringComparer.Ordinal);
        var longest = counts.Count == 0 ? 0 : counts.Keys.Max(w => w.Length);
        byLength = [.. Enumerable.Range(0, longest + 3).Select(_ => new List<KeyValuePair<string, int>>())];
        foreach (var pair in counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            byLength[pair.Key.Length].Add(pair);
        }
    }

    public static SpellingVocabulary Empty { get; } = new([]);

    public int Count => counts.Count;

    public bool Contains(string word) => counts.ContainsKey(word);

    public int CountOf(string word) => counts.GetValueOrDefault(word);

    /// <summary>True when some word of the site begins with <paramref name="prefix"/> (a word still being typed).</summary>
    public bool HasPrefix(string prefix)
    {
        for (var length = prefix.Length + 1; length < byLength.Length; length++)
        {
            if (byLength[length].Exists(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The site's word closest to <paramref name="word"/> within the edits its length allows, the most common of the
    /// closest; null for a word of three letters or fewer, or with nothing close.
    /// </summary>
    public string? Closest(string word) => Closest(word, minimumCount: 1);

    /// <summary>A close word far more common on the site than <paramref name="word"/> itself, for "Did you mean".</summary>
    public string? MuchMoreCommonThan(string word) =>
        Closest(word, minimumCount: Math.Max(1, CountOf(word)) * MuchMoreCommon) is { } better && better != word ? better : null;

    private string? Closest(string word, int minimumCount)
    {
        var allowed = EditDistance.AllowedEdits(word.Length);
        if (allowed == 0)
        {
            return null;
        }

        string? best = null;
        var bestDistance = allowed + 1;
        var bestCount = 0;
        for (var length = Math.Max(1, word.Length - allowed); length <= Math.Min(byLength.Length - 1, word.Length + allowed); length++)
        {
            foreach (var (candidate, count) in byLength[length])
            {
                if (count < minimumCount || candidate == word || (EditDistance.AllowedEdits(candidate.Length) == 0))
                {
                    continue;
                }

                var distance = EditDistance.Bounded(word, candidate, Math.Min(allowed, bestDistance));
                if (distance < bestDistance || (distance == bestDistance && count > bestCount))
                {
                    (best, bestDistance, bestCount) = (candidate, distance, count);
                }
            }
        }

        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Counts the words of the given texts; words are kept unstemmed, lower-case, two letters or more, no digits alone.</summary>
    public static Dictionary<string, int> CountWords(IEnumerable<(string Text, int Weight)> texts)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        CountWords(words, texts);
        return words;
    }

    /// <summary>Adds the words of the given texts to <paramref name="words"/>, counted as <see cref="CountWords(IEnumerable{ValueTuple{string, int}})"/> counts them.</summary>
    public static void CountWords(Dictionary<string, int> words, IEnumerable<(string Text, int Weight)> texts)
    {
        foreach (var (text, weight) in texts)
        {
            foreach (var word in QueryWords.Split(text))
            {
                if (word.Length >= 2 && word.Length <= 40 && !word.All(char.IsDigit))
                {
                    words[word] = words.GetValueOrDefault(word) + weight;
                }
            }
        }
    }
}
