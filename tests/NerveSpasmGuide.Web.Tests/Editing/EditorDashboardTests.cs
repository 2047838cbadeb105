using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Editing;

public sealed class EditorFactory : GuideFactory
{
    public const string Token = "correct-horse-battery-staple";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Guide:EditorToken", Token);
        builder.UseSetting("Guide:EditUrlTemplate", "https://git.example.org/guide/edit/main/content/{path}");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestRemoteAddress>());
    }
}

public sealed class EditorDashboardTests(EditorFactory factory) : IClassFixture<EditorFactory>
{
    [Fact]
    public async Task DashboardRequiresSignIn()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri("/editor", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/editor/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongTokenIsRejected()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await EditorSignIn.PostTokenAsync(client, "wrong-token-of-some-length", "198.51.100.7");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("That token is not right", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("nsg_editor=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignInWithoutAntiforgeryTokenFails()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var form = new FormUrlEncodedContent([new("Token", EditorFactory.Token)]);
        using var response = await client.PostAsync(new Uri("/editor/sign-in", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RepeatedWrongTokensAreRateLimited()
    {
        using var client = factory.CreateNonRedirectingClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await EditorSignIn.PostTokenAsync(client, "guess-number-" + i + "-padding", "203.0.113.9");
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.All(statuses.Take(3), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
    }

    [Fact]
    public async Task SignedInEditorSeesImportProblemsArticlesSourcesAndDrafts()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var signIn = await EditorSignIn.PostTokenAsync(client, EditorFactory.Token, "192.0.2.1");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("nsg_editor=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/editor");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var response = await client.SendAsync(request);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("published articles", page.QuerySelector(".import-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".problems td"), td => td.TextContent.Contains("source 'unused2019' is never cited", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/editor/preview/guides/secret-draft");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://git.example.org/guide/edit/main/content/causes/sciatica.md");
        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        var sign = page.QuerySelector("table.signs tr#sign-bladder-control")!;
        Assert.Contains("Losing control of your bladder", sign.TextContent, StringComparison.Ordinal);
        Assert.Equal(["/causes/sciatica"], sign.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["/causes/radiculopathy"], page.QuerySelectorAll("table.signs tr#sign-leg-weaker a").Select(a => a.GetAttribute("href")));
        var sciaticaCodes = page.QuerySelectorAll("table.codes tbody tr").Single(tr => tr.QuerySelector("a")!.GetAttribute("href") == "/causes/sciatica")
            .QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal(["Sciatica", "M54.30, M54.31, M54.32", "23056005, 72274001", "25480"], sciaticaCodes);

        // Both reading grades stand beside each other, as the import computed them for the fixture text.
        var sciatica = NerveSpasmGuide.Content.Loading.ContentLoader.Check(factory.ContentPath).Articles.Single(a => a.Slug == "sciatica");
        var headers = page.QuerySelectorAll("table.articles thead th").Select(th => th.TextContent).ToList();
        var figures = page.QuerySelectorAll("table.articles tbody tr").Single(tr => tr.QuerySelector("a")!.GetAttribute("href") == "/causes/sciatica")
            .QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal(sciatica.ReadingGrade.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), figures[headers.IndexOf("Flesch–Kincaid")]);
        Assert.Equal(sciatica.SmogGrade.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), figures[headers.IndexOf("SMOG")]);
        Assert.True(sciatica.SmogGrade > 3, $"the fixture's sciatica text has long words, so its SMOG grade is above the formula's floor, not {sciatica.SmogGrade}");

        using var preview = new HttpRequestMessage(HttpMethod.Get, "/editor/preview/guides/secret-draft");
        preview.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var previewResponse = await client.SendAsync(preview);
        Assert.Contains("Zebrafish unpublished text", await previewResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditorPagesHaveNoEmergencyStripAndNoSpanishVersion()
    {
        var page = await factory.GetDocumentAsync("/editor/sign-in");

        Assert.NotNull(page.QuerySelector("input[type=password], input[name]"));
        Assert.Null(page.QuerySelector(".help-strip"));
        Assert.Null(page.QuerySelector(".language-switch"));
        Assert.NotNull((await factory.GetDocumentAsync("/causes/sciatica")).QuerySelector(".language-switch a[hreflang=es]"));
    }

    [Fact]
    public async Task PublicPagesNeverLinkToTheEditor()
    {
        foreach (var url in new[] { "/", "/causes", "/causes/sciatica", "/search?q=nerve", "/sources", "/nope" })
        {
            var page = await factory.GetDocumentAsync(url);
            Assert.DoesNotContain(page.QuerySelectorAll("a, form"), e => (e.GetAttribute("href") ?? e.GetAttribute("action") ?? "").StartsWith("/editor", StringComparison.Ordinal));
        }
    }
}

public sealed class EditorDisabledTests(GuideFactory factory) : IClassFixture<GuideFactory>
{
    [Theory]
    [InlineData("/editor")]
    [InlineData("/editor/sign-in")]
    [InlineData("/editor/preview/guides/secret-draft")]
    public async Task WithoutATokenTheEditorDoesNotExist(string url)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
