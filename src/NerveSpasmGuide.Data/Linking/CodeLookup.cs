using System.Text.RegularExpressions;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Data.Publishing;

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
public sealed partial class CodeLookup(RequestSite site)
{
    public const int MaxCodeLength = 8;

    public static string? Normalize(string? raw)
    {
        var trimmed = (raw ?? "").Trim();
        var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && (dot != 3 || trimmed.LastIndexOf('.') != dot))
        {
            return null;
        }

        var compact = trimmed.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
        return compact.Length is >= 3 and <= MaxCodeLength && CompactCode().IsMatch(compact) ? compact : null;
    }

    public static string Dotted(string compact) => compact.Length > 3 ? $"{compact[..3]}.{compact[3..]}" : compact;

    public CodeMatch Find(string? raw)
    {
        var code = Normalize(raw);
        if (code is null)
        {
            return new CodeMatch((raw ?? "").Length > 20 ? raw![..20] + "…" : raw ?? "", CodeMatchLevel.Invalid, null, []);
        }

        var category = code[..3];
        var rows = site.Directory.Codes.Where(c => c.Code.StartsWith(category, StringComparison.Ordinal)).ToList();

        var exact = rows.Where(r => r.Code == code).ToList();
        if (exact.Count > 0)
        {
            return new CodeMatch(Dotted(code), CodeMatchLevel.Exact, null, Cards(exact.Select(r => r.Article)));
        }

        // No article lists the code itself: the longest shared prefix wins (M54.39 → the M54.3 family; M54 → all of M54).
        for (var length = code.Length; length >= 3; length--)
        {
            var prefix = code[..length];
            var family = rows.Where(r => r.Code.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (family.Count > 0)
            {
                return new CodeMatch(Dotted(code), CodeMatchLevel.Family, Dotted(prefix), Cards(family.Select(r => r.Article)));
            }
        }

        return new CodeMatch(Dotted(code), CodeMatchLevel.None, null, []);
    }

    private static List<ArticleCard> Cards(IEnumerable<ArticleCard> cards) =>
        [.. cards.DistinctBy(c => c.Slug).OrderBy(c => c.Title, StringComparer.Ordinal)];

    [GeneratedRegex("^[A-TV-Z][0-9][0-9AB][0-9A-Z]{0,5}$")]
    private static partial Regex CompactCode();
}
