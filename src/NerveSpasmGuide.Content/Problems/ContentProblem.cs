namespace NerveSpasmGuide.Content.Problems;

public enum ProblemSeverity
{
    Warning,
    Error,
}

/// <summary>A problem found in a content file, located by 1-based line and column.</summary>
public sealed record ContentProblem(string Path, int Line, int Column, ProblemSeverity Severity, string Message)
{
    public bool IsError => Severity == ProblemSeverity.Error;

    /// <summary>
    /// The slug of the article this problem points at, when it is a problem only because that article is not
    /// published (a link, a relation, a synonym or a retired slug's suggestion): the dashboard lists it under that
    /// article's file when the file is there but left out for errors of its own.
    /// </summary>
    public string? PointsAt { get; init; }

    public override string ToString() =>
        $"{Path}:{Line}:{Column}: {(IsError ? "error" : "warning")}: {Message}";
}

/// <summary>Collects problems for one file so parsers can report without knowing the path.</summary>
public sealed class ProblemSink(string path)
{
    private readonly List<ContentProblem> problems = [];

    public string Path { get; } = path;

    public IReadOnlyList<ContentProblem> Problems => problems;

    public bool HasErrors => problems.Exists(p => p.IsError);

    /// <param name="pointsAt">See <see cref="ContentProblem.PointsAt"/>.</param>
    public void Error(int line, int column, string message, string? pointsAt = null) =>
        problems.Add(new ContentProblem(Path, line, column, ProblemSeverity.Error, message) { PointsAt = pointsAt });

    public void Warning(int line, int column, string message) =>
        problems.Add(new ContentProblem(Path, line, column, ProblemSeverity.Warning, message));
}
