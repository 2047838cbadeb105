namespace NerveSpasmGuide.Content.Articles;

public enum ArticleKind
{
    Cause,
    Mechanism,
    Treatment,
    Symptom,
    Guide,
}

/// <summary>Maps article kinds to their content folders and URL segments (the same word, e.g. "causes").</summary>
public static class ArticleKinds
{
    public static IReadOnlyList<ArticleKind> All { get; } =
        [ArticleKind.Cause, ArticleKind.Symptom, ArticleKind.Treatment, ArticleKind.Mechanism, ArticleKind.Guide];

    public static string Folder(this ArticleKind kind) => kind switch
    {
        ArticleKind.Cause => "causes",
        ArticleKind.Mechanism => "mechanisms",
        ArticleKind.Treatment => "treatments",
        ArticleKind.Symptom => "symptoms",
        ArticleKind.Guide => "guides",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string PluralTitle(this ArticleKind kind) => kind switch
    {
        ArticleKind.Cause => "Causes",
        ArticleKind.Mechanism => "How nerves cause spasms",
        ArticleKind.Treatment => "Treatments",
        ArticleKind.Symptom => "Symptoms",
        ArticleKind.Guide => "Guides",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string SingularTitle(this ArticleKind kind) => kind switch
    {
        ArticleKind.Cause => "Cause",
        ArticleKind.Mechanism => "Mechanism",
        ArticleKind.Treatment => "Treatment",
        ArticleKind.Symptom => "Symptom",
        ArticleKind.Guide => "Guide",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParseFolder(string? folder, out ArticleKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Folder(), folder, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string UrlPath(this ArticleKind kind, string slug) => $"/{kind.Folder()}/{slug}";
}
