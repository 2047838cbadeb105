namespace NerveSpasmGuide.Content.Articles;

/// <summary>The typed front matter of an article.</summary>
public sealed record ArticleMeta(
    string Title,
    string Summary,
    IReadOnlyList<string> AlsoCalled,
    IReadOnlyList<string> Icd10,
    IReadOnlyDictionary<ArticleKind, IReadOnlyList<SlugReference>> Related,
    IReadOnlyList<SlugReference> Aliases,
    DateOnly LastReviewed,
    DateOnly NextReview,
    bool Draft);

/// <summary>A slug written in a file, with where it was written (for error messages).</summary>
public sealed record SlugReference(string Slug, int Line, int Column);
