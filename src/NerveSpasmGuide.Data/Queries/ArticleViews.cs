using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Safety;
using NerveSpasmGuide.Content.Sources;
using NerveSpasmGuide.Data.Editorial;

namespace NerveSpasmGuide.Data.Queries;

/// <param name="Href">Where the card links when it is not the English page (a Spanish page's <c>/es/...</c>).</param>
/// <param name="Language">The language of the page the card links to: "en" or "es".</param>
public sealed record ArticleCard(ArticleKind Kind, string Slug, string Title, string Summary, IReadOnlyList<string> AlsoCalled, string? Href = null, string Language = "en")
{
    public string Url => Href ?? Kind.UrlPath(Slug);
}

/// <summary>A code an article is listed under, as editors wrote it (M54.31, 23056005).</summary>
public sealed record ArticleCode(CodeSystem System, string Code)
{
    /// <summary>Stored rows to codes, grouped by system in <see cref="CodeSystems.All"/> order.</summary>
    public static IReadOnlyList<ArticleCode> FromRows(IEnumerable<(string System, string Display)> rows) =>
        [.. rows.Select(r => new ArticleCode(Enum.Parse<CodeSystem>(r.System), r.Display)).OrderBy(c => c.System).ThenBy(c => c.Code, StringComparer.Ordinal)];

    public CodeSystemInfo Info => CodeSystems.Of(System);
}

public sealed record LinkGroup(ArticleKind Kind, IReadOnlyList<ArticleCard> Articles);

/// <summary>A source with the number it has on one page (or in one handout, or on the sources page).</summary>
/// <param name="Uses">How many citations on the page point at it, each of which its entry links back to (0: no back links).</param>
public sealed record NumberedSource(int Number, Source Source, int Uses = 0);

/// <summary>One line of a page's "What to do now" box: a care level and how many of the page's warning signs have it.</summary>
public sealed record CareStep(CareLevel Level, int SignCount);

/// <param name="MedicalReview">A clinical reviewer's sign-off of exactly the text published, else null (an edit since voids it).</param>
/// <param name="Changes">The page history, newest first (empty when the front matter has none).</param>
/// <param name="OtherLanguageUrl">The same page in the other language (Spanish for an English page, English for a Spanish one), when there is one.</param>
/// <param name="FurtherReading">Patient pages in the page's language listed after its sources (Spanish pages only).</param>
/// <param name="StaleTranslation">A Spanish page whose English page has changed since it was translated: the page says so.</param>
/// <param name="CareSteps">The levels of the page's own warning signs, most urgent first (empty for kinds that do not answer first).</param>
public sealed record ArticlePage(
    ArticleCard Card,
    string BodyHtml,
    IReadOnlyList<TocEntry> Toc,
    IReadOnlyList<ArticleCode> Codes,
    DateOnly LastReviewed,
    DateOnly NextReview,
    IReadOnlyList<LinkGroup> Related,
    IReadOnlyList<LinkGroup> LinkedFrom,
    IReadOnlyList<NumberedSource> Sources,
    IReadOnlyList<CareStep> CareSteps,
    IReadOnlyList<PageChange> Changes,
    bool IsDraft = false,
    ReviewStamp? MedicalReview = null,
    string? OtherLanguageUrl = null,
    IReadOnlyList<Source>? FurtherReading = null,
    bool StaleTranslation = false);

/// <summary>The answer for a requested article URL: the page, a permanent redirect, or nothing.</summary>
public abstract record ArticleLookup
{
    public sealed record Found(ArticlePage Page) : ArticleLookup;

    public sealed record Moved(string Url) : ArticleLookup;

    public sealed record Missing : ArticleLookup;

    /// <summary>Retired in content/retired.yaml: 410 Gone, with the reason and a suggested article.</summary>
    public sealed record Gone(string Reason, ArticleCard? Suggested) : ArticleLookup;
}

/// <summary>A source with the first articles citing it (by title) and how many cite it in all.</summary>
public sealed record SourceWithCitations(Source Source, IReadOnlyList<ArticleCard> CitedBy, int CitedByCount);

/// <summary>The first articles of one kind (by title) for the home page, and how many there are in all.</summary>
public sealed record HomeSection(ArticleKind Kind, IReadOnlyList<ArticleCard> Articles, int Total);

/// <param name="EmergencySigns">The emergency signs the table marks for the home page.</param>
public sealed record HomeOverview(IReadOnlyList<HomeSection> Sections, IReadOnlyList<WarningSign> EmergencySigns);
