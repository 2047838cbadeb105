using System.Text.RegularExpressions;

namespace NerveSpasmGuide.Content.Articles;

/// <summary>
/// An ICD-10-CM code: a letter (not U), a digit, a digit or A/B, then up to four more letters or digits, at most seven
/// characters. Written with a dot after the third (M54.31); typed input may leave the dot out or use lower case.
/// </summary>
public readonly partial record struct Icd10Code
{
    public const int MaxLength = 7;

    private Icd10Code(string compact) => Compact = compact;

    /// <summary>Upper case, without the dot (M5431), for matching typed input.</summary>
    public string Compact { get; }

    /// <summary>As written in front matter and shown to readers (M54.31).</summary>
    public string Dotted => Compact.Length > 3 ? $"{Compact[..3]}.{Compact[3..]}" : Compact;

    /// <summary>The three-character category (M54).</summary>
    public string Category => Compact[..3];

    /// <summary>The code cut to its first <paramref name="length"/> characters (at least the category): M5431 → M543.</summary>
    public Icd10Code Prefix(int length) => new(Compact[..Math.Clamp(length, 3, Compact.Length)]);

    /// <summary>Accepts "M54.31", "m5431" or " M54.31 "; a dot anywhere but after the third character, or two dots, is not a code.</summary>
    public static bool TryParse(string? text, out Icd10Code code)
    {
        code = default;
        var trimmed = (text ?? "").Trim();
        var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && (dot != 3 || trimmed.LastIndexOf('.') != dot || dot == trimmed.Length - 1))
        {
            return false;
        }

        var compact = trimmed.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
        if (!Pattern().IsMatch(compact))
        {
            return false;
        }

        code = new Icd10Code(compact);
        return true;
    }

    public override string ToString() => Dotted;

    [GeneratedRegex("^[A-TV-Z][0-9][0-9AB][0-9A-Z]{0,4}$")]
    private static partial Regex Pattern();
}
