using System.Text.Json;
using NerveSpasmGuide.Content.Loading;

namespace NerveSpasmGuide.Web.Editing;

/// <summary>
/// <c>validate [--content DIR] [--format text|json]</c>: the importer's checks without starting a server, on the server's
/// configuration (appsettings, environment, <c>--Guide:ContentPath=DIR</c>).
/// Prints <c>path:line:col: error|warning: message</c> lines and a summary; exits 1 when there is an error.
/// </summary>
public static class ValidateCommand
{
    public const string Name = "validate";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        const string usage = "[--content DIR | --Guide:ContentPath=DIR] [--format text|json]";
        if (CommandConfiguration.Read(args, errors, "validate " + usage) is not { } settings)
        {
            return 2;
        }

        if (settings.Format is not ("text" or "json"))
        {
            errors.WriteLine($"validate: --format is text or json, not '{settings.Format}'. Usage: validate {usage}");
            return 2;
        }

        var content = settings.Guide.ContentPath;
        var format = settings.Format;
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
                readability = set.Articles.OrderBy(a => a.SourcePath, StringComparer.Ordinal).Select(a => new
                {
                    path = Path.Combine(shownRoot, a.SourcePath),
                    words = a.WordCount,
                    fleschKincaid = a.ReadingGrade,
                    smog = a.SmogGrade,
                }),
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
