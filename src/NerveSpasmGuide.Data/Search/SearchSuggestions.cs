using System.Collections.Concurrent;
using NerveSpasmGuide.Data.Queries;

namespace NerveSpasmGuide.Data.Search;

/// <summary>One suggestion as the search box shows it: what it says, and where choosing it goes.</summary>
public sealed record Suggestion(string Label, string Url);

/// <summary>
/// Suggestions as a patient types: article titles, their other names and lay terms whose words begin with the words
/// typed, then, for a misspelled word, those whose words begin within an edit or two of it. One per import; answers are
/// remembered for the import, up to a bound. Accents are folded on both sides, so "ciatica" suggests "Ciática".
/// </summary>
public sealed class SearchSuggestions
{
    public const int MaxSuggestions = 8;
    private const int MaxRemembered = 20_000;

    private readonly List<(Suggestion Suggestion, string Text, string[] Words, int Rank)> entries = [];
    private readonly ConcurrentDictionary<string, IReadOnlyList<Suggestion>> remembered = new(StringComparer.Ordinal);

    /// <param name="searchPath">The search page a lay term opens: <c>/search</c>, or <c>/es/search</c> for the Spanish terms.</param>
    public SearchSuggestions(IEnumerable<ArticleCard> articles, IEnumerable<CachedSynonym> layTerms, string searchPath = "/search")
    {
        foreach (var article in articles.OrderBy(a => a.Title, StringComparer.OrdinalIgnoreCase))
        {
            Add(new Suggestion(article.Title, article.Url), 0);
            foreach (var name in article.AlsoCalled)
            {
                Add(new Suggestion($"{name} ({article.Title})", article.Url), 1, name);
            }
        }

        foreach (var term in layTerms.OrderBy(t => t.Term, StringComparer.Ordinal))
        {
            Add(new Suggestion(term.Term, searchPath + "?q=" + Uri.EscapeDataString(term.Term)), 2);
        }
    }

    public IReadOnlyList<Suggestion> For(string? query)
    {
        var text = (query ?? "").Trim();
        text = text.Length > ArticleSearch.MaxQueryLength ? text[..ArticleSearch.MaxQueryLength] : text;
        var words = QueryWords.Split(QueryWords.Fold(text));
        if (words.Count == 0)
        {
            return [];
        }

        var key = string.Join(' ', words);
        if (remembered.TryGetValue(key, out var known))
        {
            return known;
        }

        var found = Find(words);
        if (remembered.Count < MaxRemembered)
        {
            remembered.TryAdd(key, found);
        }

        return found;
    }

    private List<Suggestion> Find(List<string> words)
    {
        var typed = string.Join(' ', words);
        var exact = entries
            .Where(e => words.TrueForAll(w => Array.Exists(e.Words, x => x.StartsWith(w, StringComparison.Ordinal))))
            .OrderBy(e => e.Text.StartsWith(typed, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(e => e.Rank)
            .ThenBy(e => e.Text.Length)
            .Select(e => e.Suggestion);
        var found = new List<Suggestion>();
        AddDistinct(found, exact);
        if (found.Count < MaxSuggestions)
        {
            AddDistinct(found, entries
                .Select(e => (Entry: e, Edits: Edits(words, e.Words)))
                .Where(x => x.Edits > 0)
                .OrderBy(x => x.Edits)
                .ThenBy(x => x.Entry.Rank)
                .ThenBy(x => x.Entry.Text.Length)
                .Select(x => x.Entry.Suggestion));
        }

        return found;
    }

    /// <summary>
    /// The edits it takes for every typed word to begin some word of the entry, when within what the word's length
    /// allows; 0 when some typed word is too far from all of them.
    /// </summary>
    private static int Edits(List<string> words, string[] entryWords)
    {
        var total = 0;
        foreach (var word in words)
        {
            var allowed = EditDistance.AllowedEdits(word.Length);
            var best = int.MaxValue;
            foreach (var candidate in entryWords)
            {
                if (candidate.StartsWith(word, StringComparison.Ordinal))
                {
                    best = 0;
                    break;
                }

                if (allowed == 0)
                {
                    continue;
                }

                // Compare with the start of the candidate as long as the word, give or take the edits allowed.
                for (var length = Math.Max(1, word.Length - allowed); length <= Math.Min(candidate.Length, word.Length + allowed); length++)
                {
                    best = Math.Min(best, EditDistance.Bounded(word, candidate[..length], allowed));
                }
            }

            if (best > allowed)
            {
                return 0;
            }

            total += best;
        }

        return total;
    }

    private static void AddDistinct(List<Suggestion> found, IEnumerable<Suggestion> more)
    {
        foreach (var suggestion in more)
        {
            if (found.Count >= MaxSuggestions)
            {
                return;
            }

            if (!found.Exists(s => s.Url == suggestion.Url))
            {
                found.Add(suggestion);
            }
        }
    }

    private void Add(Suggestion suggestion, int rank, string? text = null)
    {
        var words = QueryWords.Split(QueryWords.Fold(text ?? suggestion.Label));
        entries.Add((suggestion, string.Join(' ', words), [.. words], rank));
    }
}
