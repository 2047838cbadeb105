using NerveSpasmGuide.Content.Articles;

namespace NerveSpasmGuide.Content.Tests.Parsing;

public sealed class Icd10CodeTests
{
    [Theory]
    [InlineData("M54.31", "M5431", "M54.31")]
    [InlineData(" m5431 ", "M5431", "M54.31")]
    [InlineData("G35.A", "G35A", "G35.A")]
    [InlineData("M50.123", "M50123", "M50.123")]
    [InlineData("S32.001A", "S32001A", "S32.001A")]
    [InlineData("G83", "G83", "G83")]
    public void CodesAreReadWithOrWithoutTheDotInAnyCase(string text, string compact, string dotted)
    {
        Assert.True(Icd10Code.TryParse(text, out var code));
        Assert.Equal((compact, dotted, compact[..3]), (code.Compact, code.Dotted, code.Category));
    }

    [Theory]
    [InlineData("")]
    [InlineData("M5")]
    [InlineData("U07.1")]
    [InlineData("M54.")]
    [InlineData("M5.431")]
    [InlineData("M54.3.1")]
    [InlineData("M54.31234")]
    [InlineData("5M4.31")]
    [InlineData("M54-31")]
    public void AnythingElseIsNotACode(string text) => Assert.False(Icd10Code.TryParse(text, out _));

    [Fact]
    public void APrefixIsTheCodeCutButNeverShorterThanItsCategory()
    {
        Assert.True(Icd10Code.TryParse("M54.31", out var code));

        Assert.Equal("M54.3", code.Prefix(4).Dotted);
        Assert.Equal("M54", code.Prefix(1).Dotted);
        Assert.Equal("M54.31", code.Prefix(9).Dotted);
    }

    [Fact]
    public void FrontMatterWritesCodesWithTheirDot()
    {
        using var content = new Support.TempContent().Article("guides", "a", "Text [@smith2020].", "icd10: [M54.31, m54.32, M5430]");
        var set = content.Load();

        var problem = Assert.Single(set.Problems, p => p.IsError);
        Assert.Contains("'M5430' is not an ICD-10-CM code", problem.Message, StringComparison.Ordinal);
    }
}
