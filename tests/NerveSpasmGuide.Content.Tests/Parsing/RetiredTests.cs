using NerveSpasmGuide.Content.Tests.Support;

namespace NerveSpasmGuide.Content.Tests.Parsing;

public sealed class RetiredTests
{
    [Fact]
    public void RetiredEntriesAreReadWithReasonAndSuggestion()
    {
        using var content = new TempContent()
            .Article("causes", "sciatica", "S [@smith2020].\n\n::: urgent fever\n:::\n")
            .Write("retired.yaml", "- slug: lumbago\n  reason: Merged.\n  suggested: sciatica\n");
        var set = content.Load();

        var retired = Assert.Single(set.Retired);
        Assert.Equal(("lumbago", "Merged.", "sciatica"), (retired.Slug, retired.Reason, retired.Suggested));
        Assert.DoesNotContain(set.Problems, p => p.IsError);
    }

    [Fact]
    public void RetiringALiveSlugOrSuggestingAMissingArticleIsAnError()
    {
        using var content = new TempContent()
            .Article("causes", "sciatica", "S [@smith2020].\n\n::: urgent fever\n:::\n", "aliases: [old-sciatica]")
            .Write("retired.yaml", "- slug: sciatica\n  reason: Oops.\n- slug: old-sciatica\n  reason: Oops.\n- slug: gone\n  reason: Gone.\n  suggested: nowhere\n");
        var errors = content.Load().Problems.Where(p => p.IsError).Select(p => p.ToString()).ToList();

        Assert.Contains("retired.yaml:1:1: error: 'sciatica' is retired but an article still uses it as its slug or alias", errors);
        Assert.Contains("retired.yaml:3:1: error: 'old-sciatica' is retired but an article still uses it as its slug or alias", errors);
        Assert.Contains("retired.yaml:5:1: error: retired 'gone' suggests 'nowhere', which no article has", errors);
    }
}
