namespace NerveSpasmGuide.Content.Articles;

/// <summary>A parsed, resolved and rendered article, ready to be stored.</summary>
/// <param name="CitedSourceKeys">The sources it cites, numbered by first use.</param>
/// <param name="CitationCounts">How many times each of <paramref name="CitedSourceKeys"/> is cited.</param>
/// <param name="ReadingGrade">The Flesch–Kincaid grade of the body's prose.</param>
/// <param name="SmogGrade">The SMOG grade of the same prose.</param>
public sealed record Article(
    ArticleKind Kind,
    string Slug,
    string SourcePath,
    ArticleMeta Meta,
    string Html,
    string PlainText,
    IReadOnlyList<TocEntry> Toc,
    IReadOnlyList<ArticleLink> Links,
    IReadOnlyList<string> CitedSourceKeys,
    IReadOnlyList<int> CitationCounts,
    IReadOnlyList<string> CareLevels,
    IReadOnlyList<string> WarningSigns,
    int WordCount,
    double ReadingGrade,
    double SmogGrade,
    string FileText)
{
    public string UrlPath => Kind.UrlPath(Slug);
}

/// <param name="HasCareCard">A section with a care card in it: "On this page" lists it first.</param>
public sealed record TocEntry(int Level, string Id, string Text, bool HasCareCard = false);

public enum LinkType
{
    /// <summary>A <c>[[link]]</c> in the body.</summary>
    Inline,

    /// <summary>An entry of the <c>related</c> front matter.</summary>
    Related,
}

public sealed record ArticleLink(string TargetSlug, LinkType Type);
