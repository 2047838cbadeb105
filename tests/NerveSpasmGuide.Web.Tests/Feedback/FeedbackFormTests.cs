using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using NerveSpasmGuide.Data.Feedback;

namespace NerveSpasmGuide.Web.Tests.Feedback;

/// <summary>Each test has a factory of its own, so the store it checks holds only its own answers.</summary>
public sealed class FeedbackFormTests : IDisposable
{
    private readonly FeedbackFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task VotesAndCommentsAreStoredAndCounted()
    {
        using var yes = await factory.PostAsync("198.51.100.1", FeedbackFactory.Answer("sciatica", "yes"));
        using var no = await factory.PostAsync("198.51.100.1", FeedbackFactory.Answer("sciatica", "no", "  How long does it last?\r\nAnd what helps at night?  "));
        using var other = await factory.PostAsync("198.51.100.1", FeedbackFactory.Answer("muscle-spasms", "yes", ""));

        Assert.Equal(HttpStatusCode.OK, yes.StatusCode);
        Assert.Equal(HttpStatusCode.OK, no.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var stored = await factory.StoredAsync();
        Assert.Equal(["sciatica", "sciatica", "muscle-spasms"], stored.Select(f => f.ArticleSlug));
        Assert.Equal([true, false, true], stored.Select(f => f.Helpful));
        Assert.Equal([null, "How long does it last?\nAnd what helps at night?", null], stored.Select(f => f.Comment));

        var report = await factory.Services.GetRequiredService<FeedbackReports>().PerArticleAsync(CancellationToken.None);
        var sciatica = Assert.Single(report, a => a.ArticleSlug == "sciatica");
        Assert.Equal((1, 1, 2, 0.5), (sciatica.Helpful, sciatica.NotHelpful, sciatica.Votes, sciatica.HelpfulShare));
        Assert.Equal(["How long does it last?\nAnd what helps at night?"], sciatica.RecentComments.Select(c => c.Comment));
    }

    [Fact]
    public async Task TheReaderGetsAThankYouPageThatIsNeverCached()
    {
        using var response = await factory.PostAsync("198.51.100.2", FeedbackFactory.Answer("sciatica", "no", "exercises"));
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Thank you for your answer", page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("You said that this page was not helpful: Sciatica.", page.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/causes/sciatica");
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task EveryArticleEndsWithAPlainFormAndStaysTheSameForEveryReader()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var first = new HttpRequestMessage(HttpMethod.Get, "/causes/sciatica");
        using var second = new HttpRequestMessage(HttpMethod.Get, "/causes/sciatica");
        second.Headers.Add("Cookie", "nsg_antiforgery=someone-else; other=1");
        using var firstResponse = await client.SendAsync(first);
        using var secondResponse = await client.SendAsync(second);
        var html = await firstResponse.Content.ReadAsStringAsync();
        var form = new HtmlParser().ParseDocument(html).QuerySelector("section.feedback form")!;

        Assert.Equal(html, await secondResponse.Content.ReadAsStringAsync());
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.False(firstResponse.Headers.Contains("Set-Cookie"));
        Assert.Contains("public", firstResponse.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(("post", "/feedback"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal("sciatica", form.QuerySelector("input[name=article]")!.GetAttribute("value"));
        Assert.Equal(["yes", "no"], form.QuerySelectorAll("button[type=submit][name=helpful]").Select(b => b.GetAttribute("value")));
        Assert.Equal("500", form.QuerySelector("textarea[name=comment]")!.GetAttribute("maxlength"));
    }

    [Theory]
    [InlineData("https://evil.example", "cross-site")]
    [InlineData("https://evil.example", null)]
    [InlineData(null, "cross-site")]
    [InlineData(null, "same-site")]
    [InlineData("null", null)]
    public async Task CrossSitePostsAreRefusedAndStoreNothing(string? origin, string? fetchSite)
    {
        using var response = await factory.PostAsync("198.51.100.3", FeedbackFactory.Answer("sciatica", "no", "spam"), origin, fetchSite);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await factory.StoredAsync());
    }

    [Fact]
    public async Task OversizedPostsAreRefusedAndStoreNothing()
    {
        using var longComment = await factory.PostAsync("198.51.100.4", FeedbackFactory.Answer("sciatica", "no", new string('a', FeedbackRules.CommentMaxLength + 1)));
        using var hugeBody = await factory.PostAsync("198.51.100.4", [.. FeedbackFactory.Answer("sciatica", "no"), new("padding", new string('x', 20_000))]);
        using var atTheLimit = await factory.PostAsync("198.51.100.4", FeedbackFactory.Answer("sciatica", "no", new string('é', FeedbackRules.CommentMaxLength)));

        Assert.Equal(HttpStatusCode.BadRequest, longComment.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, hugeBody.StatusCode);
        Assert.Equal(HttpStatusCode.OK, atTheLimit.StatusCode);
        Assert.Equal([new string('é', FeedbackRules.CommentMaxLength)], (await factory.StoredAsync()).Select(f => f.Comment));
    }

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "application/x-www-form-urlencoded", "article=sciatica" },
        { "application/x-www-form-urlencoded", "helpful=yes" },
        { "application/x-www-form-urlencoded", "article=sciatica&helpful=maybe" },
        { "application/x-www-form-urlencoded", "article=sciatica&helpful=yes&helpful=no" },
        { "application/x-www-form-urlencoded", "article=sciatica&article=muscle-spasms&helpful=yes" },
        { "application/x-www-form-urlencoded", "article=sciatica&helpful=yes&comment=a&comment=b" },
        { "application/x-www-form-urlencoded", "article=sciatica&helpful=yes&comment=bell%07" },
        { "application/json", "{\"article\":\"sciatica\",\"helpful\":\"yes\"}" },
        { "text/plain", "article=sciatica&helpful=yes" },
        { "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"article\"\r\n\r\nsciatica\r\n--x--\r\n" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedPostsGetA4xxAndStoreNothing(string contentType, string body)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/feedback") { Content = new StringContent(body) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("Origin", FeedbackFactory.Origin);
        using var response = await client.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Empty(await factory.StoredAsync());
    }

    [Theory]
    [InlineData("no-such-article")]
    [InlineData("secret-draft")]
    [InlineData("")]
    public async Task AnArticleThatIsNotPublishedIs404(string slug)
    {
        using var response = await factory.PostAsync("198.51.100.5", FeedbackFactory.Answer(slug, "yes"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await factory.StoredAsync());
    }

    [Fact]
    public async Task PostsOverTheLimitPerClientAreRefusedAndStoreNothing()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await factory.PostAsync("198.51.100.6", FeedbackFactory.Answer("sciatica", "yes"));
            statuses.Add(response.StatusCode);
        }

        using var otherClient = await factory.PostAsync("198.51.100.7", FeedbackFactory.Answer("sciatica", "no"));

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 10), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        Assert.Equal(11, (await factory.StoredAsync()).Count);
    }

    [Fact]
    public async Task TwoHundredParallelVotesAreAllCounted()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            using var response = await factory.PostAsync($"10.1.{i / 100}.{i % 100}", FeedbackFactory.Answer("sciatica", i % 4 == 0 ? "no" : "yes"));
            return response.StatusCode;
        }));

        Assert.All(responses, status => Assert.Equal(HttpStatusCode.OK, status));
        var sciatica = Assert.Single(await factory.Services.GetRequiredService<FeedbackReports>().PerArticleAsync(CancellationToken.None));
        Assert.Equal((150, 50, 200), (sciatica.Helpful, sciatica.NotHelpful, sciatica.Votes));
    }

    [Fact]
    public async Task NothingAboutTheReaderIsStored()
    {
        using var response = await factory.PostAsync("203.0.113.77", FeedbackFactory.Answer("sciatica", "yes", "pain at night"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var columns = await factory.ColumnsAsync("feedback");
        Assert.Equal(["Id", "ArticleSlug", "Helpful", "Comment", "ReceivedAtUtc", "Hidden"], columns);
        Assert.DoesNotContain("203.0.113.77", await File.ReadAllTextAsync(factory.FeedbackDatabasePath, System.Text.Encoding.Latin1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthReportsTheFeedbackStore()
    {
        using var vote = await factory.PostAsync("198.51.100.8", FeedbackFactory.Answer("sciatica", "yes"));
        using var client = factory.CreateNonRedirectingClient();
        var health = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative))).RootElement;

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(1, health.GetProperty("feedbackAnswers").GetInt32());
        Assert.EndsWith("_SearchReportLanguage", health.GetProperty("feedbackMigration").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, health.GetProperty("searchReportRows").GetInt32());

        File.Delete(factory.FeedbackDatabasePath);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var broken = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);
    }
}
