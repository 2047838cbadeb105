namespace NerveSpasmGuide.Content.Problems;

/// <summary>What became of an article file at the last import.</summary>
public enum FileOutcome
{
    /// <summary>Not an article file (sources.yaml, synonyms.yaml, ...).</summary>
    NotAnArticle,

    /// <summary>Its current text is published.</summary>
    Live,

    /// <summary>Its current text has errors, so its last good version is published instead.</summary>
    KeptLastGoodVersion,

    /// <summary>No version of it is published: the site goes on without the page.</summary>
    LeftOut,
}

/// <summary>
/// One file's problems, with the problems elsewhere that it causes: when an article file is left out of the site for
/// errors of its own, every link, relation, synonym or suggestion that pointed at its slug breaks too. Those are listed
/// under the file (<see cref="Consequences"/>), so fixing its own errors is seen to fix them all.
/// </summary>
/// <param name="Own">The file's own problems, errors first, in line order.</param>
/// <param name="Consequences">Problems in other files that are there only because this file is left out.</param>
public sealed record ProblemGroup(string Path, FileOutcome Outcome, IReadOnlyList<ContentProblem> Own, IReadOnlyList<ContentProblem> Consequences)
{
    public int Errors => Own.Count(p => p.IsError) + Consequences.Count(p => p.IsError);

    public int Warnings => Own.Count + Consequences.Count - Errors;
}

public static class ProblemGroups
{
    /// <summary>
    /// Groups an import's problems by the file to fix: first the files left out (the most consequences first), then
    /// files with errors, then files with only warnings, each in path order. A problem is moved under another file
    /// only when it points at the slug of an article file that is left out; a link to a slug no file has stays with
    /// the page that links.
    /// </summary>
    /// <param name="keptLastGood">Article files published at their last good version.</param>
    /// <param name="leftOut">Article files with no version published.</param>
    public static IReadOnlyList<ProblemGroup> Of(IReadOnlyList<ContentProblem> problems, IReadOnlyCollection<string> keptLastGood, IReadOnlyCollection<string> leftOut)
    {
        // Slugs are unique across kinds, so a slug names one left-out file (two files claiming one slug leave the slug published).
        var leftOutBySlug = leftOut
            .GroupBy(SlugOf, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        string PathToFix(ContentProblem problem) =>
            problem.PointsAt is { } slug && leftOutBySlug.TryGetValue(slug, out var cause) && cause != problem.Path ? cause : problem.Path;

        var kept = keptLastGood.ToHashSet(StringComparer.Ordinal);
        var outOfSite = leftOut.ToHashSet(StringComparer.Ordinal);
        FileOutcome OutcomeOf(string path) =>
            outOfSite.Contains(path) ? FileOutcome.LeftOut
            : kept.Contains(path) ? FileOutcome.KeptLastGoodVersion
            : IsArticleFile(path) ? FileOutcome.Live
            : FileOutcome.NotAnArticle;

        return [.. problems
            .GroupBy(PathToFix, StringComparer.Ordinal)
            .Select(g => new ProblemGroup(g.Key, OutcomeOf(g.Key),
                [.. g.Where(p => p.Path == g.Key).OrderByDescending(p => p.IsError).ThenBy(p => p.Line).ThenBy(p => p.Column)],
                [.. g.Where(p => p.Path != g.Key).OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column)]))
            .OrderByDescending(g => g.Outcome == FileOutcome.LeftOut)
            .ThenByDescending(g => g.Consequences.Count)
            .ThenByDescending(g => g.Errors > 0)
            .ThenBy(g => g.Path, StringComparer.Ordinal)];
    }

    /// <summary>An article file is <c>{kind folder}/{slug}.md</c>; its slug is the file name.</summary>
    private static string SlugOf(string path) => System.IO.Path.GetFileNameWithoutExtension(path);

    private static bool IsArticleFile(string path) =>
        path.EndsWith(".md", StringComparison.Ordinal) && path.Count(c => c == '/') == 1 &&
        Articles.ArticleKinds.TryParseFolder(path[..path.IndexOf('/', StringComparison.Ordinal)], out _);
}
