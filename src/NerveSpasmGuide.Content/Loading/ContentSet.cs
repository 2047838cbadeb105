using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Media;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Readability;
using NerveSpasmGuide.Content.Safety;
using NerveSpasmGuide.Content.Sources;
using NerveSpasmGuide.Content.Translations;

namespace NerveSpasmGuide.Content.Loading;

/// <summary>Everything read from a content folder: the articles that can be published, and every problem found.</summary>
/// <param name="KeptPreviousVersions">Article files whose new text has errors, published at their last good version.</param>
/// <param name="LeftOut">Article files with no version published: errors of their own and no last good version, or a slug another file has.</param>
public sealed record ContentSet(
    IReadOnlyList<Article> Articles,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Synonym> Synonyms,
    IReadOnlyList<RetiredSlug> Retired,
    WarningSignTable WarningSigns,
    IReadOnlyList<MediaFile> Media,
    IReadOnlyList<ContentProblem> Problems,
    IReadOnlyList<string> KeptPreviousVersions,
    IReadOnlyList<string> LeftOut)
{
    /// <summary>The Spanish pages of <c>content/es/</c>, read in full at every import.</summary>
    public SpanishEdition Spanish { get; init; } = SpanishEdition.Empty;

    public int ErrorCount => Problems.Count(p => p.IsError);

    public int WarningCount => Problems.Count(p => !p.IsError);
}

/// <summary>One import's reading of the content folder: what to write into the store, and what the next import starts from.</summary>
/// <param name="Content">Its articles are the pages rendered this time: every page, unless <paramref name="Incremental"/>, and none when they went to the import's <see cref="IRenderedArticleSink"/>.</param>
/// <param name="Incremental">Only the changed pages and those depending on them were parsed, resolved and rendered.</param>
/// <param name="Removed">Slugs the previous import published that no page owns any more (always empty unless incremental).</param>
/// <param name="Totals">The whole site's counts, however few pages were rendered.</param>
/// <param name="State">For the next import; null when there was no content folder.</param>
public sealed record ContentUpdate(ContentSet Content, bool Incremental, IReadOnlyList<string> Removed, ContentTotals Totals, ContentState? State)
{
    /// <summary>How many articles were resolved and rendered: those of <see cref="ContentSet.Articles"/>, or those handed to the import's sink.</summary>
    public int Rendered { get; init; }

    /// <summary>How long each phase of reading took, for the import's log event.</summary>
    public ReadTimings Timings { get; init; } = ReadTimings.None;
}

/// <summary>Milliseconds spent in each phase of one read of the content folder.</summary>
/// <param name="SiteFiles">Sources, synonyms, retired slugs, warning signs, plain words and media, read and fingerprinted.</param>
/// <param name="Stamps">Listing the article files and comparing each one's size and write time with the last import's (changed files are read and parsed here).</param>
/// <param name="Dependents">Parsing again the unchanged pages that link to a changed slug.</param>
/// <param name="Resolve">Resolving and rendering the pages to publish.</param>
/// <param name="Spanish">Reading the Spanish pages.</param>
/// <param name="Report">The site-wide checks, and gathering and sorting the problems.</param>
public sealed record ReadTimings(double SiteFiles, double Stamps, double Dependents, double Resolve, double Spanish, double Report)
{
    public static readonly ReadTimings None = new(0, 0, 0, 0, 0, 0);
}

/// <param name="Articles">Published articles (not drafts).</param>
public sealed record ContentTotals(int Articles, int Drafts, int Links, int Citations);

/// <summary>The site-wide files an import reads besides the articles, which resolution checks the articles against.</summary>
/// <param name="Media">The names of the pictures in content/media that passed their checks.</param>
/// <param name="ArticleFiles">Every article file as kind/slug, including those left out for errors of their own.</param>
/// <param name="PlainWords">The entries of plain-words.yaml, which the prose is checked against.</param>
public sealed record SiteTables(
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Synonym> Synonyms,
    IReadOnlyList<RetiredSlug> Retired,
    WarningSignTable WarningSigns,
    IReadOnlySet<string> Media,
    IReadOnlySet<string> ArticleFiles,
    IReadOnlyList<PlainWord> PlainWords);
