using System.Text.Json;
using NerveSpasmGuide.Content.Loading;

namespace NerveSpasmGuide.Web.Editing;

/// <summary>
/// <c>validate [--content DIR] [--format text|json]</c>: the importer's checks without starting a server.
/// Prints <c>path:line:col: error|warning: message</c> lines and a summary; exits 1 when there is an error.
/// </summary>
public static class ValidateCommand
{
    public const string Name = "validate";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        string? content = null;
        var format = "text";
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--content" when i + 1 < args.Count:
                    content = args[++i];
                    break;
                case "--format" when i + 1 < args.Count && args[i + 1] is "text" or "json":
                    format = args[++i];
                    break;
                default:
                    errors.WriteLine($"validate: unexpected argument '{args[i]}'. Usage: validate [--content DIR] [--format text|json]");
                    return 2;
            }
        }

        content ??= Environment.GetEnvironmentVariable("Guide__ContentPath") ?? "content";
        if (!Directory.Exists(content))
        {
            errors.WriteLine($"validate: content folder '{Path.GetFullPath(content)}' does not exist; pass --content DIR");
            return 2;
        }

        var set = ContentLoader.Check(content);
        var shownRoot = Path.IsPathRooted(content) ? content : Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(content));
        if (format == "json")
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                content = shownRoot,
                articles = set.Articles.Count,
                errors = set.ErrorCount,
                warnings = set.WarningCount,
                problems = set.Problems.Select(p => new
                {
                    path = Path.Combine(shownRoot, p.Path),
                    line = p.Line,
                    column = p.Column,
                    severity = p.IsError ? "error" : "warning",
                    message = p.Message,
                }),
            }));
        }
        else
        {
            foreach (var problem in set.Problems)
            {
                output.WriteLine(problem with { Path = Path.Combine(shownRoot, problem.Path) });
            }

            output.WriteLine($"validate: {set.Articles.Count} articles, {set.ErrorCount} errors, {set.WarningCount} warnings in {shownRoot}");
        }

        return set.ErrorCount > 0 ? 1 : 0;
    }
}
