using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Media;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Safety;
using NerveSpasmGuide.Content.Sources;

namespace NerveSpasmGuide.Content.Loading;

/// <summary>Everything read from a content folder: the articles that can be published, and every problem found.</summary>
public sealed record ContentSet(
    IReadOnlyList<Article> Articles,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Synonym> Synonyms,
    IReadOnlyList<RetiredSlug> Retired,
    WarningSignTable WarningSigns,
    IReadOnlyList<MediaFile> Media,
    IReadOnlyList<ContentProblem> Problems,
    IReadOnlyList<string> KeptPreviousVersions)
{
    public int ErrorCount => Problems.Count(p => p.IsError);

    public int WarningCount => Problems.Count(p => !p.IsError);
}

/// <summary>The site-wide files an import reads besides the articles, which resolution checks the articles against.</summary>
/// <param name="Media">The names of the pictures in content/media that passed their checks.</param>
/// <param name="ArticleFiles">Every article file as kind/slug, including those left out for errors of their own.</param>
public sealed record SiteTables(
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Synonym> Synonyms,
    IReadOnlyList<RetiredSlug> Retired,
    WarningSignTable WarningSigns,
    IReadOnlySet<string> Media,
    IReadOnlySet<string> ArticleFiles);
