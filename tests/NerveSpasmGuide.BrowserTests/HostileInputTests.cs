using NerveSpasmGuide.BrowserTests.Support;

namespace NerveSpasmGuide.BrowserTests;

/// <summary>Hostile input against the real server: never a 5xx, a stack trace or an echo of unescaped input.</summary>
[Collection(SharedSite.Name)]
public sealed class HostileInputTests(SiteFixture site)
{
    private static readonly string[] Routes =
    [
        "/", "/causes", "/causes/sciatica", "/search?q={0}", "/sources", "/code/{0}", "/qr.svg?path={0}", "/handout?a={0}", "/handout/note?a={0}",
        "/handout/new?a={0}&q={0}", "/api/articles", "/api/articles/{0}", "/sitemap.xml", "/feed.xml", "/robots.txt", "/health",
        "/editor/sign-in", "/status/{0}", "/{0}", "/causes/{0}",
        "/es", "/es/causes", "/es/causes/sciatica", "/es/search?q={0}", "/es/{0}", "/es/causes/{0}",
        "/es/handout?a={0}", "/es/handout/new?a={0}&q={0}", "/es/handout/note?a={0}", "/es/search/suggest?q={0}", "/search/suggest?q={0}",
        "/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=M54.31&informationRecipient.languageCode.c={0}&knowledgeResponseType=application/json",
        "/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c={0}&knowledgeResponseType=application/json",
        "/connect?mainSearchCriteria.v.cs={0}&mainSearchCriteria.v.c=M54.31",
    ];

    /// <summary>Already percent-encoded, as they would appear in a request line.</summary>
    private static readonly string[] Payloads =
    [
        "%22%27%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", "sciatica%22%20OR%20%22a", "NEAR(a%20b%2C%202)", "title%3Ax*", "-nerve%20%5E",
        "(((%5B%5B%7B", "%00", "a%00b", "%C0%AF", "%C0%AE%C0%AE%2F", "%E0%80%AF", "%G1", "%", "%%%", "%FF%FE",
        "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e/%2e%2e/etc/passwd", "....//....//etc", "a%0D%0ALocation:%20https://evil.example",
        "%0D%0ASet-Cookie:%20x=1", "javascript:alert(1)", "%2F%2Fevil.example", "https:%2F%2Fevil.example", new string('a', 10_000),
        string.Concat(Enumerable.Repeat("%E2%9C%93", 1000)),
    ];

    public static TheoryData<string> Requests
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var route in Routes)
            {
                if (!route.Contains("{0}", StringComparison.Ordinal))
                {
                    data.Add(route);
                    continue;
                }

                foreach (var payload in Payloads)
                {
                    data.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, payload));
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task HostileRequestGetsAClearAnswerNeverAServerError(string target)
    {
        var answer = await RawHttp.SendAsync(site.Server.BaseAddress, "GET", target);

        Assert.InRange(answer.Status, 200, 499);
        AssertSafe(target, answer);
        await AssertServerStillAnswersAsync();
    }

    [Theory]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("POST")]
    [InlineData("PATCH")]
    [InlineData("TRACE")]
    public async Task OtherMethodsOnEveryRouteAreAnsweredWithoutServerErrors(string method)
    {
        foreach (var route in Routes)
        {
            var target = route.Replace("{0}", "sciatica", StringComparison.Ordinal);
            var answer = await RawHttp.SendAsync(site.Server.BaseAddress, method, target, "Content-Length: 0");
            Assert.True(answer.Status is >= 200 and < 500, $"{method} {target} answered {answer.Status}");
            AssertSafe(target, answer);
        }

        await AssertServerStillAnswersAsync();
    }

    [Theory]
    [InlineData("Accept")]
    [InlineData("Cookie")]
    [InlineData("User-Agent")]
    public async Task HugeHeadersAreRefusedCleanly(string header)
    {
        var answer = await RawHttp.SendAsync(site.Server.BaseAddress, "GET", "/causes/sciatica", $"{header}: {new string('x', 64 * 1024)}");

        Assert.InRange(answer.Status, 400, 499);
        await AssertServerStillAnswersAsync();
    }

    [Fact]
    public async Task OneMegabyteQueryStringIsRefusedCleanly()
    {
        var answer = await RawHttp.SendAsync(site.Server.BaseAddress, "GET", "/search?q=" + new string('a', 1024 * 1024));

        Assert.InRange(answer.Status, 400, 499);
        await AssertServerStillAnswersAsync();
    }

    [Theory]
    [InlineData("/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=M54.31")]
    [InlineData("/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=M54")]
    [InlineData("/code/M54.31")]
    [InlineData("/code/%2F%2Fevil.example")]
    [InlineData("/causes/sciatic-nerve-pain")]
    [InlineData("//evil.example/")]
    [InlineData("/%2F%2Fevil.example")]
    [InlineData("/symptoms/sciatica?next=https://evil.example")]
    [InlineData("/editor?ReturnUrl=https://evil.example")]
    public async Task RedirectsOnlyEverPointAtThisSite(string target)
    {
        var answer = await RawHttp.SendAsync(site.Server.BaseAddress, "GET", target);
        var location = answer.Head.Split("\r\n").FirstOrDefault(h => h.StartsWith("Location:", StringComparison.OrdinalIgnoreCase));

        if (location is not null)
        {
            var value = location["Location:".Length..].Trim();
            var resolved = new Uri(site.Server.BaseAddress, value);
            Assert.Equal(site.Server.BaseAddress.Authority, resolved.Authority);
            Assert.False(value.StartsWith("//", StringComparison.Ordinal), value);
        }
    }

    private static void AssertSafe(string target, RawHttp.Answer answer)
    {
        Assert.DoesNotContain("   at ", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\nSet-Cookie: x=1", answer.Head, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\r\nLocation: https://evil.example", answer.Head, StringComparison.OrdinalIgnoreCase);
        Assert.True(answer.Status != 0, $"no HTTP answer to {target[..Math.Min(80, target.Length)]}");
    }

    private async Task AssertServerStillAnswersAsync()
    {
        using var response = await site.Http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(200, (int)response.StatusCode);
    }
}
