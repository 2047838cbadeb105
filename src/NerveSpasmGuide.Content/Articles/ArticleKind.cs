namespace NerveSpasmGuide.Content.Articles;

public enum ArticleKind
{
    Cause,
    Mechanism,
    Treatment,
    Symptom,
    Guide,
}

/// <summary>What the site says and does for one kind of article: its folder (also its URL segment) and its words.</summary>
/// <param name="Folder">The content folder and the first URL segment, e.g. "causes".</param>
/// <param name="PluralTitle">The index page's title and the kind's navigation label.</param>
/// <param name="Intro">The index page's lead sentence.</param>
/// <param name="AnswersFirst">Its pages open with a "What to do now" box made from their own warning signs: a reader who lands on one wants to know how serious it is.</param>
public sealed record ArticleKindInfo(ArticleKind Kind, string Folder, string PluralTitle, string SingularTitle, string Intro, bool AnswersFirst = false);

/// <summary>The one table of article kinds, in the order the site shows them; routing, navigation, caching and the loader read it.</summary>
public static class ArticleKinds
{
    public static IReadOnlyList<ArticleKindInfo> Table { get; } =
    [
        new(ArticleKind.Cause, "causes", "Causes", "Cause",
            "Conditions that irritate or press on nerves and can lead to pain and muscle spasms.", AnswersFirst: true),
        new(ArticleKind.Symptom, "symptoms", "Symptoms", "Symptom",
            "Start from what you feel. Each page says what can cause it and when it is an emergency.", AnswersFirst: true),
        new(ArticleKind.Treatment, "treatments", "Treatments", "Treatment",
            "What each treatment is, how it may help, what to expect and its risks."),
        new(ArticleKind.Mechanism, "mechanisms", "How spasms happen", "Mechanism",
            "How an irritated nerve can turn into pain and muscle spasms, in plain words."),
        new(ArticleKind.Guide, "guides", "Guides", "Guide",
            "Practical guides: when to get help, living with nerve pain and getting ready for an appointment."),
    ];

    public static IReadOnlyList<ArticleKind> All { get; } = [.. Table.Select(k => k.Kind)];

    public static ArticleKindInfo Info(this ArticleKind kind) =>
        Table.FirstOrDefault(k => k.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, null);

    public static string Folder(this ArticleKind kind) => kind.Info().Folder;

    public static string PluralTitle(this ArticleKind kind) => kind.Info().PluralTitle;

    public static string SingularTitle(this ArticleKind kind) => kind.Info().SingularTitle;

    public static bool AnswersFirst(this ArticleKind kind) => kind.Info().AnswersFirst;

    public static bool TryParseFolder(string? folder, out ArticleKind kind) => TryParseFolder(folder.AsSpan(), out kind);

    /// <summary>Without allocating, for the page cache's check of every request path.</summary>
    public static bool TryParseFolder(ReadOnlySpan<char> folder, out ArticleKind kind)
    {
        foreach (var candidate in Table)
        {
            if (folder.SequenceEqual(candidate.Folder))
            {
                kind = candidate.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string UrlPath(this ArticleKind kind, string slug) => $"/{kind.Folder()}/{slug}";
}
