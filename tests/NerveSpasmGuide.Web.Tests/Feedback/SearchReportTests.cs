using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NerveSpasmGuide.Data.Feedback;
using NerveSpasmGuide.Data.Import;
using NerveSpasmGuide.Web.Search;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Feedback;

/// <summary>The editors' report of searches that found nothing, or only a spelling correction.</summary>
public sealed class SearchReportTests : IDisposable
{
    private readonly string kept = Path.Combine(Path.GetTempPath(), "nsg-search-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(kept))
        {
            Directory.Delete(kept, recursive: true);
        }
    }

    [Fact]
    public async Task ARepeatedQueryIsOneRowCountedEverySearchEvenWhenThePageCacheOrAnETagAnswersIt()
    {
        using var factory = new FeedbackFactory();
        using var client = factory.CreateNonRedirectingClient();
        using var first = await SearchAsync(client, "xylophone zebra");
        using var cached = await SearchAsync(client, "xylophone zebra");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/search?q=xylophone+zebra");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(conditional);
        using var written = await SearchAsync(client, "  Xylophone   ZEBRA? ");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotModified), (first.StatusCode, cached.StatusCode, notModified.StatusCode));
        Assert.Equal("no-cache", first.Headers.CacheControl!.ToString());
        var row = Assert.Single(await ReportAsync(factory, searches: 4));
        Assert.Equal(("xylophone zebra", SearchOutcome.NothingFound, 4), (row.Query, row.Outcome, row.Count));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), row.LastSeen);
    }

    [Fact]
    public async Task QueriesThatFoundPagesEmptyQueriesAndSearchInsteadAreNotRecorded()
    {
        using var factory = new FeedbackFactory();
        using var client = factory.CreateNonRedirectingClient();
        foreach (var query in new[] { "sciatica", "pinched nerve", "", "   ", "?!" })
        {
            using var response = await SearchAsync(client, query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var exact = await client.GetAsync(new Uri("/search?q=sciatca&exact=true", UriKind.Relative));
        using var sentinel = await SearchAsync(client, "zzyzx");

        Assert.Equal(["zzyzx"], (await ReportAsync(factory, searches: 1)).Select(r => r.Query));
    }

    [Fact]
    public async Task ACorrectedQueryIsRecordedAsOnlyACorrectionUnderTheWordsTyped()
    {
        using var factory = new FeedbackFactory();
        using var client = factory.CreateNonRedirectingClient();
        using var response = await SearchAsync(client, "Sciatca");
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Contains("Sciatca", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/causes/sciatica");
        var row = Assert.Single(await ReportAsync(factory, searches: 1));
        Assert.Equal(("sciatca", SearchOutcome.OnlyCorrection, 1), (row.Query, row.Outcome, row.Count));
    }

    [Fact]
    public async Task TheReportStaysWithinItsBound()
    {
        using var factory = new BoundedFactory();
        using var client = factory.CreateNonRedirectingClient();
        foreach (var query in new[] { "zzyzx", "zzyzx", "qwfp", "xkcdq", "vvbnm", "plokm" })
        {
            using var response = await SearchAsync(client, query);
        }

        var rows = await ReportAsync(factory, searches: 4);
        Assert.Equal(3, rows.Count);
        Assert.Equal(("zzyzx", 2), (rows[0].Query, rows[0].Count));
    }

    [Fact]
    public async Task NothingAboutTheReaderIsStored()
    {
        using var factory = new FeedbackFactory();
        using var client = factory.CreateNonRedirectingClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=xylophone+zebra");
        request.Headers.Add(TestRemoteAddress.Header, "203.0.113.91");
        request.Headers.Add("User-Agent", "ReaderBrowser/7.7 (unique-agent-marker)");
        request.Headers.Add("Cookie", "reader=unique-cookie-marker");
        using var response = await client.SendAsync(request);
        await ReportAsync(factory, searches: 1);

        var columns = await factory.ColumnsAsync("search_reports");
        Assert.Equal(["Language", "Query", "Count", "FirstSeen", "LastSeen", "Outcome"], columns);
        var store = string.Concat(Directory.EnumerateFiles(Path.GetDirectoryName(factory.FeedbackDatabasePath)!, "feedback.db*")
            .Select(f => File.ReadAllText(f, System.Text.Encoding.Latin1)));
        Assert.Contains("xylophone zebra", store, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.91", store, StringComparison.Ordinal);
        Assert.DoesNotContain("unique-agent-marker", store, StringComparison.Ordinal);
        Assert.DoesNotContain("unique-cookie-marker", store, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDashboardListsTheQueriesWithTheSynonymLineAndTheCsvHasThemDefused()
    {
        using var factory = new FeedbackFactory();
        using var client = factory.CreateNonRedirectingClient();
        using (var once = await SearchAsync(client, "=HYPERLINK(\"https://evil.example\")"))
        using (var twice = await SearchAsync(client, "xylophone zebra"))
        using (var again = await SearchAsync(client, "xylophone zebra"))
        {
            await ReportAsync(factory, searches: 3);
        }

        var editor = await EditorSignIn.SessionCookieAsync(client, FeedbackFactory.Token, "192.0.2.31");
        var dashboard = new HtmlParser().ParseDocument(await GetAsEditorAsync(client, "/editor", editor));
        var page = new HtmlParser().ParseDocument(await GetAsEditorAsync(client, "/editor/searches", editor));
        var rows = page.QuerySelectorAll("table.search-report tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        var csv = (await GetAsEditorAsync(client, "/editor/searches?handler=csv", editor)).TrimStart('\uFEFF').Split("\r\n");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains(dashboard.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/editor/searches");
        Assert.Equal(["xylophone zebra", "English", "nothing", "2", today, today, "xylophone zebra: [slug] in content/synonyms.yaml"], rows[0]);
        Assert.Equal("hyperlink https evil example", rows[1][0]);
        Assert.Equal("pinched nerve: [radiculopathy]", page.QuerySelector("pre.yaml-line")!.TextContent);
        Assert.Contains("content/synonyms.yaml", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SearchReportCsvHeader, csv[0]);
        Assert.Equal($"\"en\",\"xylophone zebra\",nothing,2,{today},{today}", csv[1]);
        Assert.Equal($"\"en\",\"hyperlink https evil example\",nothing,1,{today},{today}", csv[2]);
        Assert.Equal("", csv[3]);
    }

    [Fact]
    public async Task TheReportSurvivesAReimportAndARestart()
    {
        using (var before = new FeedbackFactory { FeedbackDatabasePath = Path.Combine(kept, "feedback.db") })
        {
            using var client = before.CreateNonRedirectingClient();
            using (var search = await SearchAsync(client, "xylophone zebra"))
            {
                await ReportAsync(before, searches: 1);
            }

            await before.Services.GetRequiredService<GuideImporter>().ImportAsync(CancellationToken.None);
            using var after = await SearchAsync(client, "xylophone zebra");
            Assert.Equal(2, Assert.Single(await ReportAsync(before, searches: 2)).Count);

            // Queued but not flushed: the writer writes it as the host stops.
            using var last = await SearchAsync(client, "xylophone zebra");
        }

        using var restarted = new FeedbackFactory { FeedbackDatabasePath = Path.Combine(kept, "feedback.db") };
        using var third = await SearchAsync(restarted.CreateNonRedirectingClient(), "xylophone zebra");
        Assert.Equal(4, Assert.Single(await ReportAsync(restarted, searches: 4)).Count);
    }

    [Fact]
    public async Task ASpanishSearchThatFoundNothingIsItsOwnRowWithItsAccentsFoldedAndTheSpanishSynonymsFile()
    {
        using var factory = new FeedbackFactory();
        using var client = factory.CreateNonRedirectingClient();
        using (var english = await SearchAsync(client, "xilofono"))
        using (var accented = await client.GetAsync(new Uri("/es/search?q=" + Uri.EscapeDataString("Xilófono"), UriKind.Relative)))
        using (var plain = await client.GetAsync(new Uri("/es/search?q=xilofono", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, accented.StatusCode);
        }

        var rows = await ReportAsync(factory, searches: 3);
        var editor = await EditorSignIn.SessionCookieAsync(client, FeedbackFactory.Token, "192.0.2.32");
        var page = new HtmlParser().ParseDocument(await GetAsEditorAsync(client, "/editor/searches", editor));
        var spanishRow = page.QuerySelectorAll("table.search-report tbody tr").Single(tr => tr.QuerySelectorAll("td")[1].TextContent == "Spanish");

        Assert.Equal([("es", "xilofono", 2), ("en", "xilofono", 1)], rows.Select(r => (r.Language, r.Query, r.Count)));
        Assert.Equal("/es/search?q=xilofono", spanishRow.QuerySelector("a")!.GetAttribute("href"));
        Assert.EndsWith("in content/es/synonyms.yaml", spanishRow.QuerySelectorAll("td")[^1].TextContent.Trim(), StringComparison.Ordinal);
    }

    private const string SearchReportCsvHeader = "language,query,found,searches,first_seen,last_seen";

    private static Task<HttpResponseMessage> SearchAsync(HttpClient client, string query) =>
        client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));

    /// <summary>The report once it counts at least <paramref name="searches"/> searches (the writer runs in the background; 10 s at most).</summary>
    private static async Task<IReadOnlyList<SearchReportRow>> ReportAsync(FeedbackFactory factory, int searches)
    {
        var inbox = factory.Services.GetRequiredService<SearchReportInbox>();
        var reports = factory.Services.GetRequiredService<FeedbackReports>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await inbox.FlushAsync(timeout.Token);
            var rows = await reports.SearchesAsync(CancellationToken.None);
            if (rows.Sum(r => r.Count) >= searches || DateTime.UtcNow > deadline)
            {
                return rows;
            }

            await Task.Delay(20);
        }
    }

    private static async Task<string> GetAsEditorAsync(HttpClient client, string path, string editor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", editor);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private sealed class BoundedFactory : FeedbackFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Guide:SearchReportMaxRows", "3");
        }
    }
}
