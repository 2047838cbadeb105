using System.Text.Json;
using NerveSpasmGuide.Web.Editing;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Editing;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "nsg-validate-" + Guid.NewGuid().ToString("N"));

    public ValidateCommandTests() => FixtureContent.WriteTo(root);

    [Fact]
    public void ValidContentExitsZeroWithASummary()
    {
        var (code, output) = Run("--content", root);

        Assert.Equal(0, code);
        Assert.Matches($"validate: 5 articles, 0 errors, [0-9]+ warnings in {root}$", output.TrimEnd());
        Assert.Contains($"{root}/sources.yaml:21:1: warning: source 'unused2019' is never cited", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsArePrintedOnePerLineAndExitOne()
    {
        File.WriteAllText(Path.Combine(root, "guides", "bad.md"), "---\ntitle: Bad\nsummary: S\nlast_reviewed: 2026-01-01\nnext_review: 2029-01-01\n---\n\nSee [[sciatca]] [@nerve2020].\n");
        var (code, output) = Run("--content", root);

        Assert.Equal(1, code);
        Assert.Contains($"{root}/guides/bad.md:8:5: error: unresolved link [[sciatca]]: no article has that slug (did you mean [[sciatica]]?)", output, StringComparison.Ordinal);
        Assert.Contains("1 errors", output.Split('\n').Last(l => l.Length > 0), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFormatListsEveryProblem()
    {
        File.WriteAllText(Path.Combine(root, "guides", "bad.md"), "---\ntitle: Bad\nsumary: S\n---\n");
        var (code, output) = Run("--content", root, "--format", "json");
        using var json = JsonDocument.Parse(output);

        Assert.Equal(1, code);
        var problems = json.RootElement.GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("severity").GetString() == "error" && p.GetProperty("line").GetInt32() == 3 &&
            p.GetProperty("message").GetString()!.Contains("'sumary'", StringComparison.Ordinal));
        Assert.True(json.RootElement.GetProperty("errors").GetInt32() >= 3);
    }

    [Fact]
    public void JsonFormatGivesEachArticlesFleschKincaidAndSmogGrades()
    {
        // One sentence of 9 words, 3 of them of three or more syllables (radiculopathy, inflammation, physical):
        // SMOG = 1.0430 * sqrt(3 * 30 / 1) + 3.1291 = 1.0430 * 9.4868 + 3.1291 = 13.024 → 13.0.
        File.WriteAllText(Path.Combine(root, "guides", "grades.md"),
            "---\ntitle: Grades\nsummary: S\nlast_reviewed: 2026-01-01\nnext_review: 2029-01-01\n---\n\nRadiculopathy and inflammation need physical care from a doctor [@nerve2020].\n");
        var (_, output) = Run("--content", root, "--format", "json");
        using var json = JsonDocument.Parse(output);

        var grades = json.RootElement.GetProperty("readability").EnumerateArray()
            .Single(a => a.GetProperty("path").GetString() == Path.Combine(root, "guides", "grades.md"));
        Assert.Equal(13.0, grades.GetProperty("smog").GetDouble());
        Assert.Equal(9, grades.GetProperty("words").GetInt32());
        Assert.True(grades.GetProperty("fleschKincaid").GetDouble() > 8);
        Assert.Equal(6, json.RootElement.GetProperty("readability").GetArrayLength());
    }

    [Fact]
    public void MissingFolderAndBadArgumentsExitTwo()
    {
        Assert.Equal(2, Run("--content", Path.Combine(root, "nope")).Code);
        Assert.Equal(2, Run("--bogus").Code);
        Assert.Equal(2, Run("--content").Code);
        Assert.Equal(2, Run("--format", "xml", "--content", root).Code);
        Assert.Equal(2, Run(root).Code);
    }

    [Theory]
    [InlineData("--Guide:ContentPath={0}")]
    [InlineData("--Guide:ContentPath", "{0}")]
    [InlineData("--content={0}")]
    public void TheContentFolderCanBeGivenAsTheServerTakesIt(params string[] args)
    {
        var (code, output) = Run([.. args.Select(a => a.Replace("{0}", root, StringComparison.Ordinal))]);

        Assert.Equal(0, code);
        Assert.Contains($"validate: 5 articles, 0 errors", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static (int Code, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = ValidateCommand.Run(args, output, errors);
        return (code, output + errors.ToString());
    }
}
