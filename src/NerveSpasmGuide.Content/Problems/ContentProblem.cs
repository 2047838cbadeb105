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

    public void Error(int line, int column, string message) =>
        problems.Add(new ContentProblem(Path, line, column, ProblemSeverity.Error, message));

    public void Warning(int line, int column, string message) =>
        problems.Add(new ContentProblem(Path, line, column, ProblemSeverity.Warning, message));
}
