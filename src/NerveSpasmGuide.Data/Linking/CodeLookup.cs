using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Queries;

namespace NerveSpasmGuide.Data.Linking;

public enum CodeMatchLevel
{
    /// <summary>The input is not shaped like a code of the system.</summary>
    Invalid,

    /// <summary>No article covers the code (or, for ICD-10-CM, its category).</summary>
    None,

    /// <summary>An article lists exactly this code.</summary>
    Exact,

    /// <summary>Articles list ICD-10-CM codes of the same family (a shorter shared prefix, down to the 3-character category).</summary>
    Family,
}

/// <param name="Code">The code as typed, normalized (ICD-10-CM upper case with the dot after the category).</param>
/// <param name="Family">The prefix that matched, dotted, for Family matches.</param>
public sealed record CodeMatch(CodeSystemInfo System, string Code, CodeMatchLevel Level, string? Family, IReadOnlyList<ArticleCard> Articles)
{
    public ArticleCard? OnlyArticle => Articles.Count == 1 ? Articles[0] : null;
}

/// <summary>
/// Finds articles by code. ICD-10-CM: the most specific match wins. M54.31 matches sciatica's M54.31 exactly;
/// M54.39, which no article lists, falls back to the M54.3 family; M54 alone matches every M54.x article.
/// SNOMED CT and RxNorm identifiers carry no hierarchy in their digits, so only exact matches count.
/// </summary>
public sealed class CodeLookup(RequestSite site)
{
    public CodeMatch Find(string? raw) => Find(CodeSystem.Icd10Cm, raw);

    public CodeMatch Find(CodeSystem system, string? raw)
    {
        var info = CodeSystems.Of(system);
        if (CodeSystems.Normalize(system, raw) is not { } code)
        {
            return new CodeMatch(info, (raw ?? "").Length > 20 ? raw![..20] + "…" : raw ?? "", CodeMatchLevel.Invalid, null, []);
        }

        var display = CodeSystems.Display(system, code);
        if (system != CodeSystem.Icd10Cm || !Icd10Code.TryParse(code, out var parsed))
        {
            var rows = site.Directory.Codes.Where(c => c.System == system && c.Code == code).ToList();
            return new CodeMatch(info, display, rows.Count > 0 ? CodeMatchLevel.Exact : CodeMatchLevel.None, null, Cards(rows.Select(r => r.Article)));
        }

        var category = parsed.Category;
        var icd = site.Directory.Codes.Where(c => c.System == CodeSystem.Icd10Cm && c.Code.StartsWith(category, StringComparison.Ordinal)).ToList();

        var exact = icd.Where(r => r.Code == code).ToList();
        if (exact.Count > 0)
        {
            return new CodeMatch(info, display, CodeMatchLevel.Exact, null, Cards(exact.Select(r => r.Article)));
        }

        // No article lists the code itself: the longest shared prefix wins (M54.39 → the M54.3 family; M54 → all of M54).
        for (var length = code.Length; length >= 3; length--)
        {
            var prefix = parsed.Prefix(length);
            var family = icd.Where(r => r.Code.StartsWith(prefix.Compact, StringComparison.Ordinal)).ToList();
            if (family.Count > 0)
            {
                return new CodeMatch(info, display, CodeMatchLevel.Family, prefix.Dotted, Cards(family.Select(r => r.Article)));
            }
        }

        return new CodeMatch(info, display, CodeMatchLevel.None, null, []);
    }

    private static List<ArticleCard> Cards(IEnumerable<ArticleCard> cards) =>
        [.. cards.DistinctBy(c => c.Slug).OrderBy(c => c.Title, StringComparer.Ordinal)];
}
