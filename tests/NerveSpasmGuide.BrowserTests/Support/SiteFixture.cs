using Microsoft.Playwright;

namespace NerveSpasmGuide.BrowserTests.Support;

/// <summary>
/// One real server on a copy of the shipped content (plus one hostile fixture article) and one headless Chromium,
/// shared by the browser tests.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string EditorToken = "browser-test-editor-token";
    public const string HostilePath = "/guides/hostile-fixture";

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private readonly string work = Path.Combine(Path.GetTempPath(), "nsg-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;

    public ServerProcess Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium was not found at {ChromiumPath}: install Debian's 'chromium' package (bash scripts/test.sh does) or set CHROMIUM_PATH.");
        }

        var content = RepositoryPaths.CopyContent(Path.Combine(work, "content"));
        File.WriteAllText(Path.Combine(content, "guides", "hostile-fixture.md"), HostileArticle);
        Server = await ServerProcess.StartAsync(content, Path.Combine(work, "data", "guide.db"), $"--Guide:EditorToken={EditorToken}");
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress };

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(int width, int height = 900, float scale = 1)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, DeviceScaleFactor = scale, BaseURL = Server.BaseAddress.ToString() });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Every public page a patient or clinician can reach: each article in English and Spanish, and the site's own pages.</summary>
    public static IReadOnlyList<string> PublicPages { get; } =
    [
        "/", "/causes", "/symptoms", "/treatments", "/mechanisms", "/guides", "/sources", "/search?q=sciatica", "/search?q=zzzz",
        "/no-such-page", "/code/M54", "/handout?a=sciatica,physical-therapy", "/handout?a=sciatica,physical-therapy&print=large",
        "/code/snomed/23056006", "/handout/new?a=sciatica", "/editor/sign-in", "/about", "/about/editorial-policy",
        "/handout?a=sciatica&clinic=Riverside%20Spine%20Clinic", "/handout?a=sciatica,heat-and-ice&format=short",
        "/es", "/es/causes", "/es/symptoms", "/es/treatments", "/es/mechanisms", "/es/guides", "/es/sources", "/es/search?q=ciatica", "/es/search?q=no%20puedo%20orinar",
        "/es/handout?a=sciatica,cauda-equina-syndrome", "/es/handout?a=sciatica&format=short&print=large", "/es/handout/new?a=sciatica",
        .. ArticleUrls(),
        .. ArticleUrls().Select(url => "/es" + url),
    ];

    private static IEnumerable<string> ArticleUrls() =>
        from folder in (string[])["causes", "symptoms", "treatments", "mechanisms", "guides"]
        from file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Content, folder), "*.md").Order(StringComparer.Ordinal)
        select $"/{folder}/{Path.GetFileNameWithoutExtension(file)}";

    private const string HostileArticle = """
        ---
        title: "Hostile fixture <img src=x onerror=alert('title')>"
        summary: "Checks that <script>alert('summary')</script> stays text."
        also_called: ["<b onmouseover=alert('also')>bold</b>"]
        last_reviewed: 2026-11-21
        next_review: 2029-11-21
        ---

        ## Raw HTML stays text

        Inline <script>alert('inline')</script> and <img src=x onerror="alert('img')"> stay text [@nice2016_ng59]. See [[sciatica]] [@jensen2019].

        <script>alert('block')</script>

        <iframe src="javascript:alert('frame')"></iframe>

        Links: [script link](javascript:alert('link')), [data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==), <javascript:alert('auto')>, [a safe link](https://example.org/).
        """;
}

[CollectionDefinition(Name)]
public sealed class SharedSite : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}
