using NerveSpasmGuide.Content.Tests.Support;

namespace NerveSpasmGuide.Content.Tests.Media;

public sealed class PictureTests
{
    private const string Drawing = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" role="img" aria-labelledby="t">
          <title id="t">A disc</title>
          <defs><marker id="arrow"><path d="M0 0 L5 5"/></marker></defs>
          <circle cx="50" cy="50" r="40" fill="#3b82f6" marker-end="url(#arrow)"/>
          <use href="#arrow"/>
        </svg>
        """;

    [Fact]
    public void PictureFromTheMediaFolderRendersAtItsSitePathWithItsAltText()
    {
        using var content = new TempContent()
            .Write("media/disc.svg", Drawing)
            .Article("guides", "a", "Look [@smith2020].\n\n![A disc pressing on a nerve](media/disc.svg)\n");
        var set = content.Load();
        var article = Assert.Single(set.Articles);

        Assert.DoesNotContain(set.Problems, p => p.IsError);
        Assert.Contains("<img src=\"/media/disc.svg\" class=\"figure\" loading=\"lazy\" alt=\"A disc pressing on a nerve\" />", article.Html, StringComparison.Ordinal);
        Assert.Equal("disc.svg", Assert.Single(set.Media).Name);
    }

    [Theory]
    [InlineData("![A disc](media/missing.svg)", "is not a checked picture in content/media")]
    [InlineData("![](media/disc.svg)", "needs alt text that says what the picture shows")]
    [InlineData("![A disc](https://example.org/disc.svg)", "pictures come from content/media")]
    [InlineData("![A disc](media/../sources.yaml)", "pictures come from content/media")]
    public void PictureThatIsMissingExternalOrWithoutAltTextIsAnError(string image, string message)
    {
        using var content = new TempContent()
            .Write("media/disc.svg", Drawing)
            .Article("guides", "a", "Look [@smith2020].\n\n" + image + "\n");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.Equal("guides/a.md", problem.Path);
        Assert.Equal(11, problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script> is not allowed")]
    [InlineData("<circle r=\"1\" onload=\"alert(1)\"/>", "event attribute 'onload' is not allowed")]
    [InlineData("<use href=\"https://example.org/x.svg#a\"/>", "'href' may only point inside the file")]
    [InlineData("<use xmlns:xlink=\"http://www.w3.org/1999/xlink\" xlink:href=\"data:image/svg+xml,x\"/>", "'xlink:href' may only point inside the file")]
    [InlineData("<rect fill=\"url(https://example.org/p)\"/>", "may only use url(#id)")]
    [InlineData("<foreignObject><p>hi</p></foreignObject>", "<foreignObject> is not allowed")]
    [InlineData("<image href=\"#a\"/>", "<image> is not allowed")]
    [InlineData("<rect style=\"background: url(//example.org/x)\"/>", "may only use url(#id)")]
    public void DrawingThatCouldRunCodeOrReachOutsideIsAnErrorOnItsLine(string element, string message)
    {
        using var content = new TempContent()
            .Write("media/bad.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  " + element + "\n</svg>\n")
            .Article("guides", "a", "Look [@smith2020].\n\n![A bad picture](media/bad.svg)\n");
        var set = content.Load();

        var problem = set.Problems.First(p => p.Path == "media/bad.svg");
        Assert.True(problem.IsError);
        Assert.Equal(2, problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Contains(set.Problems, p => p.Path == "guides/a.md" && p.Message.Contains("not a checked picture", StringComparison.Ordinal));
        Assert.Empty(set.Media);
    }

    [Theory]
    [InlineData("disc.png", "only SVG drawings")]
    [InlineData("Disc_Big.svg", "lowercase words joined by single hyphens")]
    public void OnlySvgFilesWithSlugNamesArePictures(string name, string message)
    {
        using var content = new TempContent().Write("media/" + name, Drawing).Article("guides", "a", "Look [@smith2020].");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.Equal("media/" + name, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DrawingWithADocumentTypeIsRefusedRatherThanExpanded()
    {
        using var content = new TempContent()
            .Write("media/dtd.svg", "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>")
            .Article("guides", "a", "Look [@smith2020].");
        var problem = Assert.Single(content.Load().Problems, p => p.IsError);

        Assert.Equal("media/dtd.svg", problem.Path);
        Assert.Contains("not a well-formed SVG file", problem.Message, StringComparison.Ordinal);
    }
}
