using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Media;
using NerveSpasmGuide.Content.Safety;
using NerveSpasmGuide.Content.Sources;

namespace NerveSpasmGuide.Content.Translations;

/// <summary>
/// A Spanish page, resolved and rendered: its own words, and everything else (codes, related pages, review dates)
/// from the English article it translates, which has the same kind and slug.
/// </summary>
/// <param name="EnglishPath">The English file it translates, e.g. <c>causes/sciatica.md</c>.</param>
/// <param name="Stale">The English file has changed since the version recorded in <c>translation_of</c>.</param>
/// <param name="FurtherReading">Keys of sources.yaml (Spanish patient pages) listed under the page's sources.</param>
/// <param name="Markdown">The body as written, which handouts render again with citations numbered across the pack.</param>
/// <param name="ReadingEase">Fernández-Huerta reading ease of the prose (higher is easier; 70 and up is "fairly easy").</param>
public sealed record SpanishArticle(
    ArticleKind Kind,
    string Slug,
    string SourcePath,
    string EnglishPath,
    string Title,
    string Summary,
    IReadOnlyList<string> AlsoCalled,
    string Html,
    string Markdown,
    string PlainText,
    IReadOnlyList<TocEntry> Toc,
    IReadOnlyList<string> CitedSourceKeys,
    IReadOnlyList<int> CitationCounts,
    IReadOnlyList<string> FurtherReading,
    IReadOnlyList<string> CareLevels,
    bool Stale,
    double ReadingEase,
    int WordCount)
{
    public string UrlPath => SpanishPaths.Article(Kind, Slug);
}

/// <summary>Everything read from <c>content/es/</c>: the pages that can be published, the Spanish lay terms for search, and the warning-sign table in Spanish.</summary>
/// <param name="WarningSigns">The English table with each sign's group and text in Spanish (only the signs that have them).</param>
/// <param name="Media">The drawings of <c>content/es/media/</c>: English drawings (same names) with their labels in Spanish.</param>
public sealed record SpanishEdition(IReadOnlyList<SpanishArticle> Articles, IReadOnlyList<Synonym> Synonyms, WarningSignTable WarningSigns, IReadOnlyList<MediaFile> Media)
{
    public static SpanishEdition Empty { get; } = new([], [], WarningSignTable.Empty, []);
}

/// <summary>The one owner of the Spanish URLs: the English path behind <c>/es</c>.</summary>
public static class SpanishPaths
{
    public const string Prefix = "/es";

    /// <summary>The folder of the content holding the Spanish pages, table, lay terms and drawings.</summary>
    public const string ContentFolder = "es";

    public static string Article(ArticleKind kind, string slug) => Prefix + kind.UrlPath(slug);

    public static string Kind(ArticleKind kind) => Prefix + "/" + kind.Folder();

    /// <summary>Where a drawing with Spanish labels is served: <c>/es/media/herniated-disc.svg</c>.</summary>
    public static string Media(string fileName) => Prefix + MediaFolder.UrlPath(fileName);

    /// <summary>Put after the text of a link from a Spanish page to a page that has no Spanish version yet.</summary>
    public const string EnglishPageNote = " (en inglés)";

    /// <summary>A title as the text of a link inside a sentence: "Ciática" reads "ciática", an abbreviation keeps its capitals.</summary>
    public static string LinkText(string title) =>
        title.Length > 1 && char.IsUpper(title[0]) && !char.IsUpper(title[1]) ? char.ToLowerInvariant(title[0]) + title[1..] : title;
}
