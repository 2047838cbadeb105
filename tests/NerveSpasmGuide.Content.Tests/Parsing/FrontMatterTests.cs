using NerveSpasmGuide.Content.Tests.Support;

namespace NerveSpasmGuide.Content.Tests.Parsing;

public sealed class FrontMatterTests
{
    [Fact]
    public void MisspelledKeyIsAnErrorWithLineAndSuggestion()
    {
        using var content = new TempContent().Article("guides", "a", "Text [@smith2020].", "sumary: typo");
        var problems = content.Load().Problems.Where(p => p.IsError).ToList();

        var problem = Assert.Single(problems);
        Assert.Equal("guides/a.md", problem.Path);
        Assert.Equal(6, problem.Line);
        Assert.Contains("unknown key 'sumary'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'summary'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArticleWithBadFrontMatterIsNotPublished()
    {
        using var content = new TempContent()
            .Write("guides/a.md", "---\ntitle: A\nlast_reviewed: 2026-11-01\nnext_review: 2029-11-01\n---\n\nText [@smith2020].\n");
        var set = content.Load();

        Assert.Empty(set.Articles);
        Assert.Contains(set.Problems, p => p.IsError && p.Message.Contains("required key 'summary' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void YamlSyntaxErrorIsReportedAtItsFileLine()
    {
        using var content = new TempContent()
            .Write("guides/a.md", "---\ntitle: A\nsummary: S\nalso_called: [unclosed\nlast_reviewed: 2026-11-01\n---\n\nText [@smith2020].\n");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.StartsWith("YAML syntax", problem.Message, StringComparison.Ordinal);
        Assert.InRange(problem.Line, 4, 6);
    }

    [Fact]
    public void WrongTypesAreErrors()
    {
        using var content = new TempContent().Article("guides", "a", "Text [@smith2020].", "draft: maybe\nalso_called: one name");
        var messages = content.Load().Problems.Where(p => p.IsError).Select(p => p.Message).ToList();

        Assert.Contains(messages, m => m.Contains("'draft' must be true or false", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'also_called' must be a list", StringComparison.Ordinal));
    }

    [Fact]
    public void NextReviewBeforeLastReviewedIsAnError()
    {
        using var content = new TempContent().Write("guides/a.md",
            "---\ntitle: A\nsummary: S\nlast_reviewed: 2026-11-01\nnext_review: 2025-01-01\n---\n\nText [@smith2020].\n");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.Equal(5, problem.Line);
        Assert.Contains("before last_reviewed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedIcd10CodeIsAnError()
    {
        using var content = new TempContent().Article("guides", "a", "Text [@smith2020].", "icd10: [M54.31, 5431X]");
        var set = content.Load();

        var problem = Assert.Single(set.Problems, p => p.IsError);
        Assert.Contains("'5431X' is not an ICD-10-CM code", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LongSummaryIsAWarningNotAnError()
    {
        using var content = new TempContent().Write("guides/a.md",
            $"---\ntitle: A\nsummary: {new string('x', 161)}\nlast_reviewed: 2026-11-01\nnext_review: 2029-11-01\n---\n\nText [@smith2020].\n");
        var set = content.Load();

        Assert.Single(set.Articles);
        Assert.Contains(set.Problems, p => !p.IsError && p.Message.Contains("161 characters", StringComparison.Ordinal));
    }

    [Fact]
    public void TypedFieldsAreRead()
    {
        using var content = new TempContent()
            .Article("treatments", "b", "B [@smith2020] links [[a]].")
            .Article("guides", "a", "Text [@smith2020] links [[b]].",
                "also_called: [first name, second name]\nicd10: [m54.31]\nrelated:\n  treatments: [b]\naliases: [old-a]\ndraft: false");
        var article = Assert.Single(content.Load().Articles, a => a.Slug == "a");

        Assert.Equal(["first name", "second name"], article.Meta.AlsoCalled);
        Assert.Equal(["M54.31"], article.Meta.Icd10);
        Assert.Equal("b", Assert.Single(article.Meta.Related[Articles.ArticleKind.Treatment]).Slug);
        Assert.Equal("old-a", Assert.Single(article.Meta.Aliases).Slug);
        Assert.Equal(new DateOnly(2029, 11, 1), article.Meta.NextReview);
    }
}
