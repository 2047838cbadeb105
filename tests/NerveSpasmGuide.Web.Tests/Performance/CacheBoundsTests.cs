using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NerveSpasmGuide.Web.Performance;
using NerveSpasmGuide.Web.Tests.Linking;
using NerveSpasmGuide.Web.Tests.Pages;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Performance;

/// <summary>The large site with a page cache of 1 MB, so a crawl of every article must evict.</summary>
public sealed class SmallCacheFactory : LargeSiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Guide:PageCacheMegabytes", "1");
    }
}

public sealed class CacheBoundsTests(SmallCacheFactory factory) : IClassFixture<SmallCacheFactory>
{
    [Fact]
    public async Task ACrawlOfEveryPageKeepsTheCacheWithinItsBudgetAndPagesStayCorrect()
    {
        using var client = factory.CreateNonRedirectingClient();
        var cache = factory.Services.GetRequiredService<PageCache>();
        var sizes = new List<long>();
        for (var i = 0; i < 120; i++)
        {
            using var response = await client.GetAsync(new Uri($"/causes/extra-cause-{i:00}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"Extra cause {i:00}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            sizes.Add(cache.Size.Bytes);
        }

        Assert.All(sizes, bytes => Assert.InRange(bytes, 0, 1024 * 1024));
        Assert.True(cache.Size.Pages < 120, $"{cache.Size.Pages} pages kept: nothing was evicted, so the test did not reach the budget");
        using var again = await client.GetAsync(new Uri("/causes/extra-cause-00", UriKind.Relative));
        Assert.Contains("Extra cause 00", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class HostFloodTests(GuideFactory factory) : IClassFixture<GuideFactory>
{
    [Fact]
    public async Task MadeUpHostNamesBeyondTheFirstFewAreRefusedWithA400AndTheSitesOwnHostKeepsWorking()
    {
        using var client = factory.CreateNonRedirectingClient();
        var cache = factory.Services.GetRequiredService<PageCache>();
        using (var first = await client.GetAsync(new Uri("/causes/sciatica", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var answered = 0;
        for (var i = 0; i < PageCache.MaxHosts * 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/causes/sciatica");
            request.Headers.Host = $"flood-{i}.example";
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                answered++;
                Assert.Contains($"http://flood-{i}.example/causes/sciatica", body, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Contains($"does not answer for the host name \"flood-{i}.example\"", body, StringComparison.Ordinal);
                Assert.Contains("Guide:PublicBaseUrl", body, StringComparison.Ordinal);
            }
        }

        // The first host (localhost) took one of the places; the rest went to the first made-up names.
        Assert.Equal(PageCache.MaxHosts - 1, answered);
        Assert.InRange(cache.Size.Pages, 1, PageCache.MaxHosts);
        using var usual = await client.GetAsync(new Uri("/causes/sciatica", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, usual.StatusCode);
        Assert.InRange(cache.Size.Pages, 1, PageCache.MaxHosts);
    }
}

public sealed class PublicHostTests(PublicBaseUrlFactory factory) : IClassFixture<PublicBaseUrlFactory>
{
    [Theory]
    [InlineData("guide.example.org", HttpStatusCode.OK)]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("attacker.example", HttpStatusCode.BadRequest)]
    public async Task WithAPublicAddressOnlyItsHostAndLoopbackAreAnswered(string host, HttpStatusCode expected)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/causes/sciatica");
        request.Headers.Host = host;
        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }
}
