using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Sources;

namespace NerveSpasmGuide.Content.Loading;

/// <summary>Everything read from a content folder: the articles that can be published, and every problem found.</summary>
public sealed record ContentSet(
    IReadOnlyList<Article> Articles,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Synonym> Synonyms,
    IReadOnlyList<RetiredSlug> Retired,
    IReadOnlyList<ContentProblem> Problems,
    IReadOnlyList<string> KeptPreviousVersions)
{
    public int ErrorCount => Problems.Count(p => p.IsError);

    public int WarningCount => Problems.Count(p => !p.IsError);
}
