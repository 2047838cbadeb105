using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Queries;

namespace NerveSpasmGuide.Data.Linking;

public enum CodeMatchLevel
{
    /// <summary>The input is not shaped like an ICD-10-CM code.</summary>
    Invalid,

    /// <summary>No article covers the code or its category.</summary>
    None,

    /// <summary>An article lists exactly this code.</summary>
    Exact,

    /// <summary>Articles list codes of the same family (a shorter shared prefix, down to the 3-character category).</summary>
    Family,
}

/// <param name="Code">The code as typed, normalized (upper case, dot after the category).</param>
/// <param name="Family">The prefix that matched, dotted, for Family matches.</param>
public sealed record CodeMatch(string Code, CodeMatchLevel Level, string? Family, IReadOnlyList<ArticleCard> Articles)
{
    public ArticleCard? OnlyArticle => Articles.Count == 1 ? Articles[0] : null;
}

/// <summary>
/// Finds articles by ICD-10-CM code: the most specific match wins. M54.31 matches sciatica's M54.31 exactly;
/// M54.39, which no article lists, falls back to the M54.3 family; M54 alone matches every M54.x article.
/// </summary>
public sealed class CodeLookup(RequestSite site)
{
    public CodeMatch Find(string? raw)
    {
        if (!Icd10Code.TryParse(raw, out var parsed))
        {
            return new CodeMatch((raw ?? "").Length > 20 ? raw![..20] + "…" : raw ?? "", CodeMatchLevel.Invalid, null, []);
        }

        var code = parsed.Compact;
        var category = parsed.Category;
        var rows = site.Directory.Codes.Where(c => c.Code.StartsWith(category, StringComparison.Ordinal)).ToList();

        var exact = rows.Where(r => r.Code == code).ToList();
        if (exact.Count > 0)
        {
            return new CodeMatch(parsed.Dotted, CodeMatchLevel.Exact, null, Cards(exact.Select(r => r.Article)));
        }

        // No article lists the code itself: the longest shared prefix wins (M54.39 → the M54.3 family; M54 → all of M54).
        for (var length = code.Length; length >= 3; length--)
        {
            var prefix = parsed.Prefix(length);
            var family = rows.Where(r => r.Code.StartsWith(prefix.Compact, StringComparison.Ordinal)).ToList();
            if (family.Count > 0)
            {
                return new CodeMatch(parsed.Dotted, CodeMatchLevel.Family, prefix.Dotted, Cards(family.Select(r => r.Article)));
            }
        }

        return new CodeMatch(parsed.Dotted, CodeMatchLevel.None, null, []);
    }

    private static List<ArticleCard> Cards(IEnumerable<ArticleCard> cards) =>
        [.. cards.DistinctBy(c => c.Slug).OrderBy(c => c.Title, StringComparer.Ordinal)];
}
