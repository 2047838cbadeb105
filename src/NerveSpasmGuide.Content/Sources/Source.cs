namespace NerveSpasmGuide.Content.Sources;

/// <summary>An entry of content/sources.yaml (copied field for field from the vetted bibliography).</summary>
public sealed record Source(
    string Key,
    string Type,
    string Authors,
    string Title,
    string Container,
    string Year,
    string Volume,
    string Pages,
    string Doi,
    string Url,
    int Line = 1)
{
    public string? Link => LinkFor(Doi, Url);

    /// <summary>The link a reader follows: the DOI when there is one, else the URL, else none.</summary>
    public static string? LinkFor(string doi, string url) => doi.Length > 0 ? $"https://doi.org/{doi}" : url.Length > 0 ? url : null;
}

/// <summary>A lay term patients type, mapped to the articles it means (content/synonyms.yaml).</summary>
public sealed record Synonym(string Term, IReadOnlyList<string> Slugs, int Line = 1);

/// <summary>A slug that no longer exists (content/retired.yaml): answered with 410 Gone and a suggested article.</summary>
public sealed record RetiredSlug(string Slug, string Reason, string? Suggested, int Line = 1);
