using System.Collections.Concurrent;
using System.IO.Compression;
using NerveSpasmGuide.Content.Articles;

namespace NerveSpasmGuide.Web.Performance;

/// <summary>The final bytes of one rendered page, with its strong ETag, precompressed forms and any <c>Link</c> header.</summary>
public sealed record CachedPage(string ContentType, string ETag, byte[] Identity, byte[] Brotli, byte[] Gzip, string? Link);

/// <summary>
/// Rendered pages (home, indexes, articles, sources) are the same for everyone until the content changes, so each
/// is rendered by Razor once per import and then served from memory. The cache belongs to one import: when a new
/// store is published, the next request sees an empty cache for the new generation, never a mix of the two.
/// </summary>
public sealed class PageCache
{
    private Generation current = new(-1);

    /// <summary>Paths whose answer depends only on the store's content (and the site's base URL): pages, API, feeds.</summary>
    public const int MaxSearchPagesPerImport = 5_000;

    public static bool IsCacheable(HttpRequest request)
    {
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return false;
        }

        var path = request.Path.Value ?? "";
        if (request.QueryString.HasValue)
        {
            // A results page depends only on the words searched for and the import, and common searches repeat.
            return path == "/search" && request.Query.Count == 1 && request.Query.ContainsKey("q") && request.QueryString.Value!.Length <= 256;
        }

        if (path is "/" or "/sources" or "/api/articles" or "/sitemap.xml" or "/feed.xml" or "/robots.txt" ||
            (path.StartsWith("/api/articles/", StringComparison.Ordinal) && path.AsSpan(14).IndexOf('/') < 0))
        {
            return true;
        }

        // "/{kind}" or "/{kind}/{slug}", without allocating.
        if (path.Length < 2 || path[^1] == '/')
        {
            return false;
        }

        var rest = path.AsSpan(1);
        var slash = rest.IndexOf('/');
        var kind = slash < 0 ? rest : rest[..slash];
        return (slash < 0 || rest[(slash + 1)..].IndexOf('/') < 0) &&
               ArticleKinds.TryParseFolder(kind, out _);
    }

    /// <param name="version">The version of the site the request leased.</param>
    public bool TryGet(int version, string key, out CachedPage page)
    {
        page = null!;
        var generation = Volatile.Read(ref current);
        return generation.Number == version && generation.Pages.TryGetValue(key, out page!);
    }

    /// <summary>Bodies up to this size get Brotli's and gzip's smallest output; larger ones a fast level (Brotli's best is ~1 MB/s).</summary>
    public const int SmallestCompressionLimit = 256 * 1024;

    public CachedPage Store(string key, int version, string contentType, byte[] body, string? link = null)
    {
        var level = body.Length <= SmallestCompressionLimit ? CompressionLevel.SmallestSize : CompressionLevel.Optimal;
        var page = new CachedPage(contentType, HttpCaching.StrongETag(body), body,
            Compress(body, s => new BrotliStream(s, level)), Compress(body, s => new GZipStream(s, level)), link);
        var generation = Volatile.Read(ref current);
        if (generation.Number < version)
        {
            // First page of a new import: start a new, empty generation (older ones are dropped whole). A page
            // rendered for an older import than the cache's is served once but never stored.
            var fresh = new Generation(version);
            generation = Interlocked.CompareExchange(ref current, fresh, generation) == generation ? fresh : Volatile.Read(ref current);
        }

        var isSearch = key.Contains("/search?", StringComparison.Ordinal);
        if (generation.Number == version && (!isSearch || Interlocked.Increment(ref generation.SearchPages) <= MaxSearchPagesPerImport))
        {
            generation.Pages[key] = page;
        }

        return page;
    }

    private static byte[] Compress(byte[] body, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(body);
        }

        return output.ToArray();
    }

    private sealed class Generation(int number)
    {
        public int Number { get; } = number;

        /// <summary>How many search results pages this generation holds (bounded: queries are unlimited).</summary>
        public int SearchPages;

        public ConcurrentDictionary<string, CachedPage> Pages { get; } = new(StringComparer.Ordinal);
    }
}
