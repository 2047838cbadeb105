using NerveSpasmGuide.Data.Feedback;

namespace NerveSpasmGuide.Data.Search;

/// <summary>A search that found nothing, or only a spelling correction: what the editors' search report counts.</summary>
/// <param name="Query">The words as typed, normalized as search reads them (<see cref="Normalize"/>).</param>
/// <param name="Language">The search it was typed into: <see cref="English"/> or <see cref="Spanish"/>.</param>
public sealed record SearchMiss(string Query, SearchOutcome Outcome, string Language = SearchMiss.English)
{
    public const string English = "en";
    public const string Spanish = "es";

    /// <summary>
    /// The query as search reads it: at most <see cref="ArticleSearch.MaxQueryLength"/> characters of it, its first
    /// <see cref="ArticleSearch.MaxTerms"/> words (lower-case runs of letters and digits) joined by one space. So
    /// "Sciatica?", " sciatica " and "SCIATICA" are one row.
    /// </summary>
    /// <param name="foldAccents">For Spanish, which searches "ciatica" and "ciática" as one word: one row too.</param>
    public static string Normalize(string? text, bool foldAccents = false)
    {
        var trimmed = (text ?? "").Trim();
        var bounded = trimmed.Length > ArticleSearch.MaxQueryLength ? trimmed[..ArticleSearch.MaxQueryLength] : trimmed;
        return string.Join(' ', QueryWords.Split(foldAccents ? QueryWords.Fold(bounded) : bounded).Take(ArticleSearch.MaxTerms));
    }

    /// <summary>
    /// What a search's results say for the report, or null when there is nothing to report: an empty query, a query
    /// that found pages as typed, or a query describing a warning sign that found the urgent-help guide (the reader
    /// was sent where they needed to go, even if no other page matched).
    /// </summary>
    public static SearchMiss? Of(SearchResults results, string language = English)
    {
        var query = Normalize(results.SearchedInstead ?? results.Query, foldAccents: language == Spanish);
        if (query.Length == 0 || (results.Flags.IsRedFlag && results.Hits.Any(h => h.Article.Slug == RedFlags.UrgentHelpSlug)))
        {
            return null;
        }

        if (results.SearchedInstead is not null)
        {
            return new SearchMiss(query, SearchOutcome.OnlyCorrection, language);
        }

        return results.Hits.Count == 0 ? new SearchMiss(query, SearchOutcome.NothingFound, language) : null;
    }
}
