namespace NerveSpasmGuide.Data.Search;

/// <summary>
/// A light English stemmer for comparing a query with warning-sign sentences ("drooping" and "droops", "numbness" and
/// "numb", "peeing" and "pee" meet). It only strips common endings; the full-text index uses SQLite's Porter stemmer.
/// </summary>
public static class EnglishStemmer
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["feet"] = "foot", ["legs"] = "leg", ["worse"] = "wors",
        ["worsening"] = "wors", ["peeing"] = "pee", ["pees"] = "pee", ["weeing"] = "wee",
    };

    public static string Stem(string word)
    {
        if (Irregular.TryGetValue(word, out var irregular))
        {
            return irregular;
        }

        if (word.Length <= 3)
        {
            return word;
        }

        var stem = word;
        foreach (var (suffix, replacement, keep) in Rules)
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal) && stem.Length - suffix.Length >= keep)
            {
                stem = stem[..^suffix.Length] + replacement;
                break;
            }
        }

        if (stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z' or 'e' or 'o') && !IsVowel(stem[^1]))
        {
            stem = stem[..^1]; // slurred → slurr → slur, numbing → numb
        }

        if (stem.Length > 3 && stem[^1] == 'e' && stem[^2] != 'e')
        {
            stem = stem[..^1]; // tingle → tingl, like tingling
        }

        return stem;
    }

    private static readonly (string Suffix, string Replacement, int Keep)[] Rules =
    [
        ("nesses", "", 3), ("ness", "", 3), ("ingly", "", 3), ("edly", "", 3), ("ings", "", 3), ("ing", "", 3), ("ies", "y", 3),
        ("ied", "y", 3), ("ed", "", 3), ("ly", "", 4), ("sses", "ss", 2), ("es", "e", 3), ("ss", "ss", 2), ("us", "us", 2),
        ("is", "is", 2), ("s", "", 3),
    ];

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
