using System.Net;
using NerveSpasmGuide.Web.Tests.Hosting;

namespace NerveSpasmGuide.Web.Tests.Linking;

/// <summary>The note for the record on every handout, and /handout/note as plain text, dated by the site's clock.</summary>
public sealed class ChartNoteTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private const string Expected = """
        Patient education given 2030-01-02: Nerve & Spasm Guide handout, 2 pages.
        1. Physical therapy
           http://localhost/treatments/physical-therapy
           Page last reviewed 2026-11-01
        2. Sciatica
           http://localhost/causes/sciatica
           Page last reviewed 2026-11-01
        Handout as given: http://localhost/handout?a=physical-therapy,sciatica

        """;

    [Fact]
    public async Task NoteIsPlainTextWithTheDateGivenAndEachPagesTitleAddressAndReviewDate()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/handout/note?a=physical-therapy,sciatica", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Expected.ReplaceLineEndings("\n"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryHandoutShowsTheSameNoteWithACopyButtonAndAPlainTextLink()
    {
        var page = await factory.GetDocumentAsync("/handout?a=physical-therapy,sciatica");
        var note = page.QuerySelector("section.chart-note")!;

        // Without JavaScript the text is there to select; the button only appears when the script can copy.
        Assert.Equal(Expected.ReplaceLineEndings("\n"), note.QuerySelector("textarea#chart-note-text")!.TextContent.ReplaceLineEndings("\n"));
        Assert.NotNull(note.QuerySelector("label[for=chart-note-text]"));
        var button = note.QuerySelector("button.copy-button")!;
        Assert.Equal("Copy note for the record", button.TextContent);
        Assert.Equal("#chart-note-text", button.GetAttribute("data-copy"));
        Assert.True(button.HasAttribute("hidden"));
        Assert.Contains(note.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/handout/note?a=physical-therapy,sciatica");
        Assert.Contains("no-print", note.ClassList);
    }

    [Theory]
    [InlineData("/handout/note", "at least one article")]
    [InlineData("/handout/note?a=sciatica,no-such-page", "no-such-page")]
    [InlineData("/handout/note?a=a,b,c,d,e,f,g,h,i,j,k", "at most 10")]
    public async Task ABadNoteRequestIs400InPlainText(string url, string expected)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
