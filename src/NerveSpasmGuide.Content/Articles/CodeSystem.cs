namespace NerveSpasmGuide.Content.Articles;

/// <summary>The clinical code systems articles are listed under, as the problem and medication lists of a health record use them.</summary>
public enum CodeSystem
{
    Icd10Cm,
    SnomedCt,
    RxNorm,
}

/// <summary>What identifies a code system in each place it is named: front matter, the store, URLs, Infobutton OIDs and FHIR.</summary>
/// <param name="FrontMatterKey">The front matter list of the system's codes.</param>
/// <param name="PathSegment">The segment of its code links (/code/snomed/{id}); empty for ICD-10-CM's /code/{code}.</param>
/// <param name="Oid">The HL7 OID an Infobutton request names it by (mainSearchCriteria.v.cs).</param>
/// <param name="FhirUri">The FHIR Coding.system URI.</param>
/// <param name="Example">A code from this guide's content, for messages that show the shape.</param>
public sealed record CodeSystemInfo(CodeSystem System, string Name, string FrontMatterKey, string PathSegment, string Oid, string FhirUri, string Example);

public static class CodeSystems
{
    public static CodeSystemInfo Icd10Cm { get; } =
        new(CodeSystem.Icd10Cm, "ICD-10-CM", "icd10", "", "2.16.840.1.113883.6.90", "http://hl7.org/fhir/sid/icd-10-cm", "M54.31");

    public static CodeSystemInfo SnomedCt { get; } =
        new(CodeSystem.SnomedCt, "SNOMED CT", "snomed", "snomed", "2.16.840.1.113883.6.96", "http://snomed.info/sct", "23056005");

    public static CodeSystemInfo RxNorm { get; } =
        new(CodeSystem.RxNorm, "RxNorm", "rxnorm", "rxnorm", "2.16.840.1.113883.6.88", "http://www.nlm.nih.gov/research/umls/rxnorm", "25480");

    public static IReadOnlyList<CodeSystemInfo> All { get; } = [Icd10Cm, SnomedCt, RxNorm];

    public static CodeSystemInfo Of(CodeSystem system) => All.Single(s => s.System == system);

    public static CodeSystemInfo? ByOid(string? oid) => All.FirstOrDefault(s => s.Oid == oid);

    public static CodeSystemInfo? ByFhirUri(string? uri) => All.FirstOrDefault(s => s.FhirUri == uri);

    /// <summary>
    /// The code as stored and matched: ICD-10-CM upper case without its dot (M5431), SNOMED CT and RxNorm identifiers as
    /// digits; null when <paramref name="text"/> is not shaped like a code of the system.
    /// </summary>
    public static string? Normalize(CodeSystem system, string? text) => system switch
    {
        CodeSystem.Icd10Cm => Icd10Code.TryParse(text, out var icd) ? icd.Compact : null,
        CodeSystem.SnomedCt => SnomedCtId.IsConceptId(text?.Trim()) ? text!.Trim() : null,
        CodeSystem.RxNorm => RxNormCui.IsValid(text?.Trim()) ? text!.Trim() : null,
        _ => null,
    };

    /// <summary>How a normalized code is shown (ICD-10-CM with its dot).</summary>
    public static string Display(CodeSystem system, string normalized) =>
        system == CodeSystem.Icd10Cm && Icd10Code.TryParse(normalized, out var icd) ? icd.Dotted : normalized;
}

/// <summary>
/// A SNOMED CT concept identifier (SCTID): 6 to 18 digits, no leading zero, a Verhoeff check digit last and a concept
/// partition (00 in the international release, 10 in a namespaced extension) before it.
/// </summary>
public static class SnomedCtId
{
    public const int MinLength = 6;
    public const int MaxLength = 18;

    private static readonly int[][] Dihedral =
    [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];

    // Each row is the first permutation applied once more to the row before (the standard Verhoeff construction).
    private static readonly int[][] Permutation = BuildPermutations();

    public static bool IsConceptId(string? text) =>
        IsWellFormed(text) && text![^3..^1] is "00" or "10";

    /// <summary>Any SCTID (concept, description or relationship): length, digits and check digit.</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: >= MinLength and <= MaxLength } && text[0] != '0' && text.All(char.IsAsciiDigit) && HasValidCheckDigit(text);

    public static bool HasValidCheckDigit(string digits)
    {
        var check = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            check = Dihedral[check][Permutation[i % 8][digits[digits.Length - 1 - i] - '0']];
        }

        return check == 0;
    }

    private static int[][] BuildPermutations()
    {
        int[] first = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];
        var rows = new int[8][];
        rows[0] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        for (var i = 1; i < 8; i++)
        {
            var previous = rows[i - 1];
            rows[i] = [.. first.Select(j => previous[j])];
        }

        return rows;
    }
}

/// <summary>An RxNorm concept unique identifier (RxCUI): 1 to 8 digits, no leading zero.</summary>
public static class RxNormCui
{
    public const int MaxLength = 8;

    public static bool IsValid(string? text) =>
        text is { Length: >= 1 and <= MaxLength } && text[0] != '0' && text.All(char.IsAsciiDigit);
}
