using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Data.Publishing;

namespace NerveSpasmGuide.Data.Search;

/// <summary>A piece of a search snippet; highlighted pieces matched the query.</summary>
public sealed record SnippetPart(string Text, bool Highlighted);

public sealed record SearchHit(ArticleCard Article, IReadOnlyList<SnippetPart> Snippet, string? MatchedTerm);

/// <param name="Query">What was searched for: the corrected words when <paramref name="SearchedInstead"/> is set.</param>
/// <param name="SearchedInstead">The query as typed, when its misspelled words were corrected ("Search instead for ...").</param>
/// <param name="DidYouMean">A close query likely to do better, offered as a link and never run in place of the one typed.</param>
/// <param name="RedFlag">The warning signs the query describes: the urgent-help guide is then the first hit.</param>
public sealed record SearchResults(
    string Query,
    bool WasShortened,
    IReadOnlyList<SearchHit> Hits,
    string? SearchedInstead = null,
    string? DidYouMean = null,
    RedFlagMatch? RedFlag = null)
{
    public static SearchResults Empty { get; } = new("", false, []);

    public RedFlagMatch Flags => RedFlag ?? RedFlagMatch.None;
}

/// <summary>
/// Full-text search that reads a question. Stop words need not match; pages are ranked by how many of the query's
/// meaningful words (Porter-stemmed, as FTS5 stems them) they hold, then by whether those words stand close together,
/// then by bm25 (title above other names, the summary and the body), all in the import's <see cref="WordIndex"/>. Lay
/// terms from synonyms.yaml come first; a misspelled word (one no page holds) is corrected from the site's vocabulary;
/// a query describing a warning sign puts the urgent-help guide first. The user's words are reduced to letters and
/// digits and never reach SQL: the one statement reads the chosen pages' snippet text by id.
/// </summary>
public sealed class ArticleSearch(RequestSite site)
{
    public const int MaxQueryLength = 200;
    public const int MaxTerms = 12;
    public const int MaxHits = 10;

    /// <summary>Fewer hits than this and a much more common close word is offered as "Did you mean".</summary>
    private const int FewHits = 3;

    /// <summary>Words within this many tokens of each other count as close together.</summary>
    internal const int NearDistance = 12;

    /// <param name="exact">Search the words as typed, without correcting misspellings ("Search instead for").</param>
    public SearchResults Search(string? query, bool exact)
    {
        var text = (query ?? "").Trim();
        var shortened = text.Length > MaxQueryLength;
        if (shortened)
        {
            text = text[..MaxQueryLength];
        }

        var words = QueryWords.Split(text).Take(MaxTerms).ToList();
        if (words.Count == 0)
        {
            return new SearchResults(text, shortened, []);
        }

        var directory = site.Directory;
        var ranked = Rank(words);
        string? searchedInstead = null;
        // Corrected only when the words as typed find nothing or little, so a word the site happens not to use is not
        // rewritten when the rest of the query answers it ("lost bladder control" is not "loss").
        if (!exact && ranked.Unknown.Count > 0 && ranked.Hits.Count < FewHits)
        {
            var corrected = words.Select(w => ranked.Unknown.Contains(w) ? directory.Vocabulary.Closest(w) ?? w : w).ToList();
            if (!corrected.SequenceEqual(words, StringComparer.Ordinal))
            {
                var retry = Rank(corrected);
                if (retry.Hits.Count > 0)
                {
                    (ranked, words, searchedInstead) = (retry, corrected, text);
                    text = string.Join(' ', corrected);
                }
            }
        }

        string? didYouMean = null;
        if (searchedInstead is null && (ranked.Unknown.Count > 0 || ranked.Hits.Count < FewHits))
        {
            var better = words.Select(w => QueryWords.IsStopWord(w) ? w
                : (ranked.Unknown.Contains(w) ? directory.Vocabulary.Closest(w) : directory.Vocabulary.MuchMoreCommonThan(w)) ?? w).ToList();
            didYouMean = better.SequenceEqual(words, StringComparer.Ordinal) ? null : string.Join(' ', better);
        }

        // A misspelled word is read as its likely correction, so it neither hides a warning sign nor invents one.
        var flags = didYouMean is null ? RedFlagMatch.None : directory.RedFlags.Match(QueryWords.Split(didYouMean));
        flags = flags.IsRedFlag ? flags : directory.RedFlags.Match(words);
        var hits = ranked.Hits;
        if (flags.IsRedFlag && directory.BySlug.TryGetValue(RedFlags.UrgentHelpSlug, out var urgent))
        {
            var existing = hits.FindIndex(h => h.Article.Slug == RedFlags.UrgentHelpSlug);
            var first = existing >= 0 ? hits[existing] : new SearchHit(urgent, [new SnippetPart(urgent.Summary, false)], null);
            hits = [first, .. hits.Where(h => h.Article.Slug != RedFlags.UrgentHelpSlug)];
        }

        return new SearchResults(text, shortened, hits, searchedInstead, didYouMean, flags);
    }

    /// <summary>The hits for these words, and the meaningful words no page holds (candidates for correction).</summary>
    private (List<SearchHit> Hits, HashSet<string> Unknown) Rank(List<string> words)
    {
        var articles = site.Directory;
        var hits = new List<SearchHit>();
        var phrase = " " + string.Join(' ', words) + " ";
        var layWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var synonym in articles.Synonyms.Where(s => phrase.Contains(s.Padded, StringComparison.Ordinal)))
        {
            layWords.UnionWith(QueryWords.Split(synonym.Term));
            foreach (var slug in synonym.Slugs)
            {
                if (articles.BySlug.TryGetValue(slug, out var card) && !hits.Exists(h => h.Article.Slug == slug))
                {
                    hits.Add(new SearchHit(card, [new SnippetPart(card.Summary, false)], synonym.Term));
                }
            }
        }

        var meaningful = QueryWords.Meaningful(words);
        var last = words[^1];
        var phrases = meaningful.Select(w => WordIndex.ToPhrase(w, prefix: w == last)).ToList();
        var stems = meaningful.Select(EnglishStemmer.Stem).ToList();
        var (best, holding) = articles.Words.Rank(phrases,
            id => articles.TitleWords.TryGetValue(id, out var names) ? InTitle(names, meaningful, stems) : 0, NearDistance, MaxHits);

        // Only a word that could be corrected counts as unknown: a lay term's word, a short one or one of the site's own words never does.
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < meaningful.Count; i++)
        {
            var word = meaningful[i];
            if (holding[i] == 0 && word.Length > 3 && !layWords.Contains(word) && !articles.Vocabulary.Contains(word))
            {
                unknown.Add(word);
            }
        }

        if (best.Count > 0)
        {
            var snippets = site.Site.BodyParts.Read(reader => SnippetCutter.Cut(reader, best, phrases));
            foreach (var (page, _) in best)
            {
                if (articles.ById.TryGetValue(page.Id, out var card) && !hits.Exists(h => h.Article.Slug == card.Slug))
                {
                    var snippet = snippets.GetValueOrDefault(page.Id, card.Summary);
                    hits.Add(new SearchHit(card, Split(snippet), null));
                }
            }
        }

        return (hits, unknown);
    }

    /// <summary>
    /// How well a page's title answers the words: 2 for each word in its title (3 more when the title is exactly
    /// those words), 1 for each in its other names, so "sciatica" puts the page titled Sciatica first.
    /// </summary>
    internal static int InTitle(TitleNames names, List<string> words, List<string> stems)
    {
        var score = 0;
        for (var i = 0; i < words.Count; i++)
        {
            score += names.Title.Holds(words[i], stems[i]) ? 2 : names.OtherNames.Holds(words[i], stems[i]) ? 1 : 0;
        }

        if (score == 2 * words.Count && names.Title.MeaningfulCount == words.Count)
        {
            score += 3;
        }

        return score;
    }

    internal static List<SnippetPart> Split(string snippet)
    {
        var parts = new List<SnippetPart>();
        var position = 0;
        while (position < snippet.Length)
        {
            var start = snippet.IndexOf(SnippetCutter.Open, position);
            if (start < 0)
            {
                parts.Add(new SnippetPart(snippet[position..], false));
                break;
            }

            if (start > position)
            {
                parts.Add(new SnippetPart(snippet[position..start], false));
            }

            var end = snippet.IndexOf(SnippetCutter.Close, start);
            end = end < 0 ? snippet.Length : end;
            parts.Add(new SnippetPart(snippet[(start + 1)..end], true));
            position = end + 1;
        }

        return parts;
    }
}
