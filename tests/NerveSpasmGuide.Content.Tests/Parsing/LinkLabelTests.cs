using NerveSpasmGuide.Content.Tests.Support;

namespace NerveSpasmGuide.Content.Tests.Parsing;

public sealed class LinkLabelTests
{
    [Fact]
    public void LinkLabelIsWhatAPlainLinkToTheArticleSays()
    {
        using var content = new TempContent()
            .Article("treatments", "nsaids", "About NSAIDs [@smith2020]. See [[a]].", "link_label: NSAIDs", title: "NSAIDs (nonsteroidal anti-inflammatory drugs)")
            .Article("guides", "a", "Try [[nsaids]] (such as ibuprofen) or [[nsaids|these]] [@smith2020].");
        var set = content.Load();
        var guide = set.Articles.Single(a => a.Slug == "a");

        Assert.DoesNotContain(set.Problems, p => p.Path.StartsWith("guides/", StringComparison.Ordinal));
        Assert.Contains("<a class=\"xref\" href=\"/treatments/nsaids\">NSAIDs</a> (such as ibuprofen)", guide.Html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"xref\" href=\"/treatments/nsaids\">these</a>", guide.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkWhoseTextEndsInBracketsFollowedByMoreBracketsIsAWarning()
    {
        using var content = new TempContent()
            .Article("treatments", "nsaids", "About NSAIDs [@smith2020]. See [[a]].", title: "NSAIDs (anti-inflammatory drugs)")
            .Article("guides", "a", "Try [[nsaids]] (such as ibuprofen) [@smith2020].");
        var problem = Assert.Single(content.Load().Problems, p => p.Message.Contains("brackets", StringComparison.Ordinal));

        Assert.False(problem.IsError);
        Assert.Equal("guides/a.md", problem.Path);
        Assert.Equal((9, 5), (problem.Line, problem.Column));
        Assert.Contains("reads 'NSAIDs (anti-inflammatory drugs)' and is followed by more brackets", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkThatStartsASentenceOrListItemStartsWithACapital()
    {
        using var content = new TempContent()
            .Article("treatments", "physical-therapy", "About it [@smith2020]. See [[a]].", title: "Physical therapy")
            .Article("guides", "a", "[[physical-therapy]] helps. Try [[physical-therapy]] now. It works! [[physical-therapy]] again [@smith2020].\n\n- [[physical-therapy]] first\n- then [[physical-therapy|PT]]\n- **[[physical-therapy]]** in bold\n");
        var html = content.Load().Articles.Single(a => a.Slug == "a").Html;
        var texts = System.Text.RegularExpressions.Regex.Matches(html, "class=\"xref\" href=\"/treatments/physical-therapy\">([^<]+)</a>").Select(m => m.Groups[1].Value);

        Assert.Equal(["Physical therapy", "physical therapy", "Physical therapy", "Physical therapy", "PT", "Physical therapy"], texts);
    }

    [Fact]
    public void ALinkAfterABoldSentenceOrACitationOrWithItsOwnWordsStillStartsWithACapital()
    {
        using var content = new TempContent()
            .Article("treatments", "physical-therapy", "About it [@smith2020]. See [[a]].", title: "Physical therapy")
            .Article("guides", "a", "**It helps.** [[physical-therapy]] works.\n\nIt works. [@smith2020] [[physical-therapy]] again.\n\n[[physical-therapy|exercise]] helps, as does [[physical-therapy|exercise]].\n");
        var html = content.Load().Articles.Single(a => a.Slug == "a").Html;
        var texts = System.Text.RegularExpressions.Regex.Matches(html, "class=\"xref\" href=\"/treatments/physical-therapy\">([^<]+)</a>").Select(m => m.Groups[1].Value);

        Assert.Equal(["Physical therapy", "Physical therapy", "Exercise", "exercise"], texts);
    }
}
