using NerveSpasmGuide.Content.Articles;
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
public sealed record SpanishEdition(IReadOnlyList<SpanishArticle> Articles, IReadOnlyList<Synonym> Synonyms, WarningSignTable WarningSigns)
{
    public static SpanishEdition Empty { get; } = new([], [], WarningSignTable.Empty);
}

/// <summary>The one owner of the Spanish URLs: the English path behind <c>/es</c>.</summary>
public static class SpanishPaths
{
    public const string Prefix = "/es";

    public static string Article(ArticleKind kind, string slug) => Prefix + kind.UrlPath(slug);

    public static string Kind(ArticleKind kind) => Prefix + "/" + kind.Folder();
}
