using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Performance;

public sealed class PageCacheTests(GuideFactory factory) : IClassFixture<GuideFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/causes")]
    [InlineData("/causes/sciatica")]
    [InlineData("/sources")]
    public async Task CachedPagesHaveAStrongEtagAndAnswerIfNoneMatchWith304(string url)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        using var second = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal("public, max-age=300, stale-while-revalidate=60, stale-if-error=86400", first.Headers.CacheControl!.ToString());
        Assert.Contains("site", first.Headers.GetValues("Surrogate-Key").Single().Split(' '));
        Assert.Equal(first.Headers.GetValues("Surrogate-Key").Single().Replace(' ', ','), first.Headers.GetValues("Cache-Tag").Single());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag);
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", notModified.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task CachedPagesArePrecompressedForClientsThatAccept(string encoding)
    {
        using var client = factory.CreateNonRedirectingClient();
        var plain = await client.GetByteArrayAsync(new Uri("/causes/sciatica", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/causes/sciatica");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await client.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(encoding, response.Content.Headers.ContentEncoding.Single());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.True(compressed.Length < plain.Length / 2, $"{compressed.Length} bytes compressed vs {plain.Length}");
        using var input = new MemoryStream(compressed);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        await decoder.CopyToAsync(output);
        Assert.Equal(plain, output.ToArray());
    }

    [Fact]
    public async Task HeadOfACachedPageHasHeadersButNoBody()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/causes/radiculopathy"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task SearchResultsPagesAreCachedPerQuery()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var nerve = await client.GetAsync(new Uri("/search?q=nerve", UriKind.Relative));
        using var again = await client.GetAsync(new Uri("/search?q=nerve", UriKind.Relative));
        using var other = await client.GetAsync(new Uri("/search?q=spasm", UriKind.Relative));
        using var extra = await client.GetAsync(new Uri("/search?q=nerve&page=2", UriKind.Relative));

        Assert.NotNull(nerve.Headers.ETag);
        Assert.Equal(nerve.Headers.ETag, again.Headers.ETag);
        Assert.NotEqual(nerve.Headers.ETag, other.Headers.ETag);
        Assert.Null(extra.Headers.ETag);
    }

    [Theory]
    [InlineData("/causes/no-such-page")]
    [InlineData("/causes/sciatic-nerve-pain")]
    public async Task DynamicAndNonSuccessAnswersAreNotCachedPages(string url)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task FingerprintedStaticAssetsAreImmutable()
    {
        var page = await factory.GetDocumentAsync("/");
        var css = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri(css, UriKind.Relative));

        Assert.Contains("?v=", css, StringComparison.Ordinal);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
    }
}

public sealed class SurrogateKeyTests
{
    [Theory]
    [InlineData("/", "home")]
    [InlineData("/causes", "kind-causes")]
    [InlineData("/causes/sciatica", "article-sciatica")]
    [InlineData("/api/articles/sciatica", "article-sciatica")]
    [InlineData("/api/articles", "api")]
    [InlineData("/search", "search")]
    [InlineData("/sitemap.xml", "feeds")]
    public void EachCachedPageHasThePurgeKeyOfWhatItShows(string path, string key) =>
        Assert.Equal(["site", key], NerveSpasmGuide.Web.Performance.PageCacheMiddleware.SurrogateKeys(path));
}
