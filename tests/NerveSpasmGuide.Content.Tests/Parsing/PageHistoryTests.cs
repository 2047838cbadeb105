using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Tests.Support;

namespace NerveSpasmGuide.Content.Tests.Parsing;

/// <summary>
/// Front matter <c>changes</c>: the article's page history. In <see cref="TempContent.ArticleText"/> the extra front matter
/// starts on line 6, and last_reviewed is 2026-11-01.
/// </summary>
public sealed class PageHistoryTests
{
    [Fact]
    public void ChangesAreReadNewestFirstWithTheirDatesAndNotes()
    {
        using var content = new TempContent().Article("guides", "a", "Text [@smith2020].",
            "changes:\n  - date: 2026-11-01\n    note: Care advice now comes from the shared warning-sign table.\n  - date: 2026-03-02\n    note: First published.");
        var set = content.Load();

        Assert.DoesNotContain(set.Problems, p => p.IsError);
        Assert.Equal(
            [new PageChange(new DateOnly(2026, 11, 1), "Care advice now comes from the shared warning-sign table."), new PageChange(new DateOnly(2026, 3, 2), "First published.")],
            Assert.Single(set.Articles).Meta.Changes);
    }

    [Fact]
    public void AnArticleWithoutChangesHasAnEmptyHistory()
    {
        using var content = new TempContent().Article("guides", "a", "Text [@smith2020].");

        Assert.Empty(Assert.Single(content.Load().Articles).Meta.Changes);
    }

    /// <summary>Each mistake is one error at its file line, and the file is left out of the site like other front-matter errors.</summary>
    [Theory]
    [InlineData("  - date: 2026-02-30\n    note: Something changed.", 7, "'date' must be a date written as YYYY-MM-DD, not '2026-02-30'")]
    [InlineData("  - date: 2026-10-15\n    note: Steps described.", 7, "newest change is dated 2026-10-15 but last_reviewed is 2026-11-01")]
    [InlineData("  - date: 2026-11-01\n    note: Second.\n  - date: 2026-01-05\n    note: First.\n  - date: 2026-06-01\n    note: Out of place.", 11,
        "newest first: 2026-06-01 is newer than 2026-01-05 on line 9")]
    [InlineData("  - date: 2026-11-01\n    note: |\n      Two lines\n      of note.", 8, "one plain line")]
    [InlineData("  - date: 2026-11-01\n    note: See [[sciatica]] for more.", 8, "'[' is Markdown or HTML")]
    [InlineData("  - date: 2026-11-01\n    note: ''", 8, "'note' must not be empty")]
    [InlineData("  - date: 2026-11-01\n    note: word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word", 8,
        "note is 199 characters; keep it to 160")]
    public void AMistakeInTheHistoryIsAnErrorAtItsLine(string entries, int line, string expected)
    {
        using var content = new TempContent().Article("guides", "a", "Text [@smith2020].", "changes:\n" + entries);
        var set = content.Load();

        var problem = Assert.Single(set.Problems, p => p.IsError);
        Assert.Equal(("guides/a.md", line), (problem.Path, problem.Line));
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.Empty(set.Articles);
    }

    [Fact]
    public void AnUnknownKeyInAnEntryIsAnErrorWithASuggestion()
    {
        using var content = new TempContent().Article("guides", "a", "Text [@smith2020].",
            "changes:\n  - date: 2026-11-01\n    notes: Misspelled key.");
        var problems = content.Load().Problems.Where(p => p.IsError).ToList();

        Assert.Contains(problems, p => p.Line == 8 && p.Message.Contains("unknown key 'notes' (did you mean 'note'?)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 7 && p.Message.Contains("required key 'note' is missing", StringComparison.Ordinal));
    }
}
