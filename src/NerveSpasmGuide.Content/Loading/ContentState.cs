using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Problems;

namespace NerveSpasmGuide.Content.Loading;

/// <summary>
/// What one import learned of the content folder, so that the next can tell which files changed and which pages
/// depend on them. Opaque outside this assembly: hand it back to <see cref="ContentLoader.Import"/>.
/// </summary>
public sealed class ContentState
{
    internal ContentState(string siteFingerprint, DateOnly today, DateTime scanStartedUtc, IReadOnlyDictionary<string, FileEntry> files,
        IReadOnlyDictionary<string, SlugOwner> owners, IReadOnlySet<string> strays)
    {
        SiteFingerprint = siteFingerprint;
        Today = today;
        ScanStartedUtc = scanStartedUtc;
        Files = files;
        Owners = owners;
        Strays = strays;
    }

    /// <summary>A hash of every file besides the articles (sources, synonyms, retired slugs, warning signs, plain words, media).</summary>
    internal string SiteFingerprint { get; }

    /// <summary>The date review warnings were measured against.</summary>
    internal DateOnly Today { get; }

    /// <summary>
    /// When the scan began, by the file system's clock. A file written within <see cref="RacyWindow"/> of it may have
    /// changed again without changing its stamp (coarse time stamps), so it is read again whatever its stamp says.
    /// </summary>
    internal DateTime ScanStartedUtc { get; }

    /// <summary>Every article file, by its path under the content folder.</summary>
    internal IReadOnlyDictionary<string, FileEntry> Files { get; }

    /// <summary>Each slug and the file that owns it.</summary>
    internal IReadOnlyDictionary<string, SlugOwner> Owners { get; }

    /// <summary>The .md files outside the article folders (full paths), which are reported as not published.</summary>
    internal IReadOnlySet<string> Strays { get; }

    internal static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);
}

/// <summary>The size, write time and text hash a file had when it was read.</summary>
internal sealed record FileStamp(long Size, DateTime LastWriteUtc, string Hash);

/// <summary>The article that owns a slug, as far as a page linking to it can see: any change here re-resolves its linkers.</summary>
internal sealed record SlugOwner(string SourcePath, ArticleKind Kind, bool Draft, string LinkText);

/// <summary>One article file as the last import left it.</summary>
/// <param name="Outline">What resolution needs of the file; null when it has errors of its own and no last good version.</param>
/// <param name="ParseProblems">The problems of the file on its own (and the note that its last good version is kept).</param>
/// <param name="Resolved">The outcome of resolving it against the rest; null unless it owns its slug.</param>
internal sealed record FileEntry(
    string SourcePath,
    ArticleKind Kind,
    string Slug,
    FileStamp Stamp,
    ArticleOutline? Outline,
    IReadOnlyList<ContentProblem> ParseProblems,
    bool KeptPrevious,
    ResolvedOutline? Resolved);

/// <summary>A parsed article without its tree: enough to claim slugs, find dependants and make the site-wide checks.</summary>
/// <param name="Targets">Every slug the page links to, in its body or its related front matter, resolved or not.</param>
internal sealed record ArticleOutline(
    ArticleMeta Meta,
    IReadOnlySet<string> Targets,
    IReadOnlyList<string> WarningSigns,
    int BodyLineOffset)
{
    public static ArticleOutline Of(ArticleDraft draft) => new(
        draft.Meta,
        draft.Nodes.WikiLinks.Select(l => l.Target).Concat(draft.Meta.Related.Values.SelectMany(r => r.Select(x => x.Slug)))
            .ToHashSet(StringComparer.Ordinal),
        draft.WarningSigns,
        draft.BodyLineOffset);
}

/// <summary>What resolving one page produced besides its rendered article.</summary>
/// <param name="HasUnresolvedLinks">Its error messages suggest the closest slug, so any new or removed slug can change them.</param>
internal sealed record ResolvedOutline(
    IReadOnlyList<ArticleLink> Links,
    IReadOnlyList<string> CitedSourceKeys,
    IReadOnlyList<ContentProblem> Problems,
    bool HasUnresolvedLinks)
{
    /// <summary>
    /// The same, its links naming their targets with the strings of <paramref name="targets"/> (the outline's, from the
    /// first parse), so that the state kept between imports holds one copy of each name rather than one per parse.
    /// </summary>
    public ResolvedOutline SharingNames(IReadOnlySet<string> targets) => targets is HashSet<string> names
        ? this with { Links = [.. Links.Select(l => names.TryGetValue(l.TargetSlug, out var name) ? l with { TargetSlug = name } : l)] }
        : this;
}
