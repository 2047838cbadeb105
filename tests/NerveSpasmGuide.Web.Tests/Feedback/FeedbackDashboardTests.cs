using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NerveSpasmGuide.Data.Feedback;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Feedback;

public sealed class FeedbackDashboardTests : IDisposable
{
    private readonly FeedbackFactory factory = new();
    private readonly HttpClient client;

    public FeedbackDashboardTests() => client = factory.CreateNonRedirectingClient();

    public void Dispose()
    {
        client.Dispose();
        factory.Dispose();
    }

    [Fact]
    public async Task TheDashboardShowsHelpfulShareVotesAndEncodedComments()
    {
        await VoteAsync("yes", null);
        await VoteAsync("no", "<script>alert('x')</script> & <b>bold</b>");
        var editor = await SignInAsync();

        var (html, _) = await GetAsync("/editor/feedback", editor);
        var page = new HtmlParser().ParseDocument(html);
        var row = page.QuerySelector("table.feedback-votes tbody tr")!;

        Assert.Equal(["Sciatica", "50%", "2", "1", "1"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Equal("<script>alert('x')</script> & <b>bold</b>", page.QuerySelector(".feedback-comments blockquote")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/editor/feedback?handler=csv");
    }

    [Fact]
    public async Task EachArticleRowOnTheDashboardShowsItsHelpfulShareReviewAndOwner()
    {
        await VoteAsync("yes", null);
        await VoteAsync("yes", null);
        await VoteAsync("no", null);
        var editor = await SignInAsync();

        var (html, _) = await GetAsync("/editor", editor);
        var table = new HtmlParser().ParseDocument(html).QuerySelector("table.articles")!;
        var headers = table.QuerySelectorAll("thead th").Select(th => th.TextContent).ToList();
        var cells = table.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("td")!.TextContent == "Sciatica").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        var other = table.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("td")!.TextContent == "Physical therapy").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();

        Assert.Equal("67% of 3 votes", cells[headers.IndexOf("Helpful")]);
        Assert.Equal("not signed off", cells[headers.IndexOf("Clinical review")]);
        Assert.Equal("none", cells[headers.IndexOf("Owner")]);
        Assert.Equal("no votes", other[headers.IndexOf("Helpful")]);
    }

    [Fact]
    public async Task HideShowAndDeleteAreRecordedWithTheEditorSession()
    {
        var id = await VoteAsync("no", "my phone number is 555-0100");
        var editor = await SignInAsync();

        using var withoutToken = await PostAsync($"/editor/feedback?handler=Hide&id={id}", editor, antiforgery: null);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.False((await factory.StoredAsync()).Single().Hidden);

        var (html, antiforgery) = await GetAsync("/editor/feedback", editor);
        using var hide = await PostAsync($"/editor/feedback?handler=Hide&id={id}", editor, antiforgery);
        Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        Assert.True((await factory.StoredAsync()).Single().Hidden);

        var (hiddenHtml, _) = await GetAsync("/editor/feedback", editor);
        Assert.DoesNotContain("555-0100", hiddenHtml, StringComparison.Ordinal);
        Assert.Contains("(hidden)", hiddenHtml, StringComparison.Ordinal);

        using var show = await PostAsync($"/editor/feedback?handler=Show&id={id}", editor, antiforgery);
        using var delete = await PostAsync($"/editor/feedback?handler=Delete&id={id}", editor, antiforgery);
        using var missing = await PostAsync("/editor/feedback?handler=Delete&id=999999", editor, antiforgery);
        var stored = (await factory.StoredAsync()).Single();

        Assert.Contains("555-0100", html, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.NotFound), (show.StatusCode, delete.StatusCode, missing.StatusCode));
        Assert.Equal((false, null, false), (stored.Hidden, stored.Comment, stored.Helpful));
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<FeedbackDbContext>>().CreateDbContextAsync();
        var audit = await db.Moderation.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([ModerationAction.Hide, ModerationAction.Show, ModerationAction.DeleteComment], audit.Select(m => m.Action));
        Assert.All(audit, m => Assert.Equal(id, m.FeedbackId));
        Assert.All(audit, m => Assert.Matches(@"^editor token \(session [0-9a-f]{12}\)$", m.Editor));
        Assert.Single(audit.Select(m => m.Editor).Distinct());
    }

    [Fact]
    public async Task TheCsvExportHasEveryAnswerWithFormulasDefused()
    {
        await VoteAsync("yes", null);
        await VoteAsync("no", "=HYPERLINK(\"https://evil.example\"), then \"quotes\"\nand a line");
        var editor = await SignInAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/editor/feedback?handler=csv");
        request.Headers.Add("Cookie", editor);
        using var response = await client.SendAsync(request);
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("feedback.csv", response.Content.Headers.ContentDisposition!.FileName);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal(FeedbackCsvHeader, lines[0]);
        Assert.Matches("^1,\"sciatica\",yes,\"\",\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ,no$", lines[1]);
        Assert.StartsWith("2,\"sciatica\",no,\"'=HYPERLINK(\"\"https://evil.example\"\"), then \"\"quotes\"\"\nand a line\",", lines[2], StringComparison.Ordinal);
        Assert.Equal("", lines[3]);
    }

    private const string FeedbackCsvHeader = "id,article,helpful,comment,received_at_utc,hidden";

    private async Task<long> VoteAsync(string helpful, string? comment)
    {
        using var response = await factory.PostAsync("198.51.100.30", FeedbackFactory.Answer("sciatica", helpful, comment));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await factory.StoredAsync()).Max(f => f.Id);
    }

    /// <summary>The editor's session cookie.</summary>
    private Task<string> SignInAsync() => EditorSignIn.SessionCookieAsync(client, FeedbackFactory.Token, "192.0.2.30");

    /// <summary>The page, and the cookie and token its forms post with.</summary>
    private async Task<(string Html, (string Cookie, string Token)? Antiforgery)> GetAsync(string path, string editor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", editor);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith("nsg_antiforgery=", StringComparison.Ordinal))?.Split(';')[0]
            : null;
        return (html, cookie is null ? null : (cookie, EditorSignIn.AntiforgeryToken(html)));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string editor, (string Cookie, string Token)? antiforgery)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(antiforgery is { } a ? [new("__RequestVerificationToken", a.Token)] : []),
        };
        request.Headers.Add("Cookie", antiforgery is { } b ? $"{editor}; {b.Cookie}" : editor);
        return await client.SendAsync(request);
    }
}
