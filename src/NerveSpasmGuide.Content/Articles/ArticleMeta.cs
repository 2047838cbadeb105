namespace NerveSpasmGuide.Content.Articles;

/// <summary>The typed front matter of an article.</summary>
/// <param name="LinkLabel">The words a <c>[[slug]]</c> link shows, when the title is too long or has brackets of its own.</param>
public sealed record ArticleMeta(
    string Title,
    string Summary,
    string? LinkLabel,
    IReadOnlyList<string> AlsoCalled,
    IReadOnlyList<string> Icd10,
    IReadOnlyDictionary<ArticleKind, IReadOnlyList<SlugReference>> Related,
    IReadOnlyList<SlugReference> Aliases,
    DateOnly LastReviewed,
    DateOnly NextReview,
    bool Draft)
{
    /// <summary>What a <c>[[slug]]</c> link to the article says: its link label, else its title made fit for mid-sentence.</summary>
    public string LinkText => LinkLabel ?? InlineTitle(Title);

    /// <summary>Lower-cases a title's first letter for use mid-sentence, unless it starts with an acronym ("NSAIDs").</summary>
    private static string InlineTitle(string title) =>
        title.Length > 1 && char.IsUpper(title[0]) && !char.IsUpper(title[1]) ? char.ToLowerInvariant(title[0]) + title[1..] : title;
}

/// <summary>A slug written in a file, with where it was written (for error messages).</summary>
public sealed record SlugReference(string Slug, int Line, int Column);
