namespace NerveSpasmGuide.Content.Articles;

/// <summary>The typed front matter of an article.</summary>
/// <param name="Icd10">ICD-10-CM codes, dotted (M54.31).</param>
/// <param name="Snomed">SNOMED CT concept ids of the findings, disorders or procedures the page is about.</param>
/// <param name="RxNorm">RxNorm ingredient RxCUIs of the medicines the page names.</param>
/// <param name="Changes">The page's history from front matter, newest first; the newest is dated <paramref name="LastReviewed"/>.</param>
/// <param name="KeepWords">Words of plain-words.yaml the page uses on purpose (it explains them), so the plain-words check passes them over.</param>
/// <param name="LinkLabel">The words a <c>[[slug]]</c> link shows, when the title is too long or has brackets of its own.</param>
public sealed record ArticleMeta(
    string Title,
    string Summary,
    string? LinkLabel,
    IReadOnlyList<string> AlsoCalled,
    IReadOnlyList<string> Icd10,
    IReadOnlyList<string> Snomed,
    IReadOnlyList<string> RxNorm,
    IReadOnlyDictionary<ArticleKind, IReadOnlyList<SlugReference>> Related,
    IReadOnlyList<SlugReference> Aliases,
    DateOnly LastReviewed,
    DateOnly NextReview,
    IReadOnlyList<PageChange> Changes,
    IReadOnlyList<string> KeepWords,
    bool Draft,
    Audience Audience = Audience.Everyone)
{
    /// <summary>Every code the article is listed under, by system (ICD-10-CM as written, with its dot).</summary>
    public IEnumerable<(CodeSystem System, string Code)> Codes =>
        [.. Icd10.Select(c => (CodeSystem.Icd10Cm, c)), .. Snomed.Select(c => (CodeSystem.SnomedCt, c)), .. RxNorm.Select(c => (CodeSystem.RxNorm, c))];

    /// <summary>What a <c>[[slug]]</c> link to the article says: its link label, else its title made fit for mid-sentence.</summary>
    public string LinkText => LinkLabel ?? InlineTitle(Title);

    /// <summary>Lower-cases a title's first letter for use mid-sentence, unless it starts with an acronym ("NSAIDs").</summary>
    private static string InlineTitle(string title) =>
        title.Length > 1 && char.IsUpper(title[0]) && !char.IsUpper(title[1]) ? char.ToLowerInvariant(title[0]) + title[1..] : title;
}

/// <summary>Who an article is written for; front matter <c>audience: adults</c> or <c>audience: children</c>, else everyone.</summary>
public enum Audience
{
    Everyone,
    Adults,
    Children,
}

/// <summary>A slug written in a file, with where it was written (for error messages).</summary>
public sealed record SlugReference(string Slug, int Line, int Column);
