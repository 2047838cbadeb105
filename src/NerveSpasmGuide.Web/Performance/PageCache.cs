using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.Extensions.Options;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Translations;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Performance;

/// <summary>The final bytes of one rendered page, with its strong ETag, precompressed forms and any <c>Link</c> header.</summary>
/// <param name="PurgeKeys">Its CDN purge keys, space-separated (Surrogate-Key); Cache-Tag is the same list with commas.</param>
/// <param name="Note">What the render left in <see cref="PageNotes"/>, left again on every hit.</param>
public sealed record CachedPage(string ContentType, string ETag, byte[] Identity, byte[] Brotli, byte[] Gzip, string? Link, string PurgeKeys, object? Note)
{
    public string CacheTags { get; } = PurgeKeys.Replace(' ', ',');
}

/// <summary>
/// Rendered pages (home, indexes, articles, sources) are the same for everyone until the content changes, so each
/// is rendered by Razor once per import and then served from memory. The cache belongs to one import: when a new
/// site is published, the next request sees an empty cache for the new generation, never a mix of the two. It holds
/// at most <c>Guide:PageCacheMegabytes</c>, evicting the pages stored first, and pages for at most
/// <see cref="MaxHosts"/> host names, so no pattern of requests can grow it without bound.
/// </summary>
public sealed class PageCache(IOptions<GuideOptions> options)
{
    /// <summary>Without Guide:PublicBaseUrl, pages print the request's host: the first this many host names are answered.</summary>
    public const int MaxHosts = 16;

    private readonly ConcurrentDictionary<string, bool> hosts = new(StringComparer.OrdinalIgnoreCase);

    private readonly long budget = options.Value.PageCacheMegabytes * 1024L * 1024L;
    private Generation current = new(-1);

    /// <summary>What the current generation holds, for the tests and the dashboard.</summary>
    public (int Pages, long Bytes) Size
    {
        get
        {
            var generation = Volatile.Read(ref current);
            return (generation.Pages.Count, Interlocked.Read(ref generation.Bytes));
        }
    }

    /// <summary>Paths whose answer depends only on the store's content (and the site's base URL): pages, API, feeds.</summary>
    public const int MaxSearchPagesPerImport = 5_000;

    public static bool IsCacheable(HttpRequest request)
    {
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return false;
        }

        var path = request.Path.Value ?? "";

        // The Spanish pages (/es, /es/causes, /es/causes/sciatica, /es/search) follow the English pages' rules.
        path = path == SpanishPaths.Prefix ? "/" : path.StartsWith(SpanishPaths.Prefix + "/", StringComparison.Ordinal) ? path[SpanishPaths.Prefix.Length..] : path;
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

    /// <summary>
    /// Drops the current generation's copies of one page (for every host it was rendered for), so its next request
    /// renders it again: for what changes a page between imports, such as a reviewer's sign-off.
    /// </summary>
    /// <param name="path">The page's path, such as <c>/causes/sciatica</c>.</param>
    public void Forget(string path)
    {
        var generation = Volatile.Read(ref current);
        foreach (var key in generation.Pages.Keys)
        {
            // A key is the site's base ("https://host"), the path and any query.
            if (key.EndsWith(path, StringComparison.Ordinal) && key.AsSpan(0, key.Length - path.Length).LastIndexOf('/') == key.IndexOf("//", StringComparison.Ordinal) + 1 &&
                generation.Pages.TryRemove(key, out var page))
            {
                Interlocked.Add(ref generation.Bytes, -SizeOf(key, page));
            }
        }
    }

    /// <summary>Bodies up to this size get Brotli's and gzip's smallest output; larger ones a fast level (Brotli's best is ~1 MB/s).</summary>
    public const int SmallestCompressionLimit = 256 * 1024;

    /// <summary>
    /// False when <paramref name="host"/> is one host name too many (only without Guide:PublicBaseUrl, where pages print
    /// the request's own host). The first host names seen since start-up keep their place across imports, so a flood
    /// of made-up Host headers cannot push out the site's real address, and costs no rendering.
    /// </summary>
    public bool AdmitsHost(string host)
    {
        if (hosts.ContainsKey(host))
        {
            return true;
        }

        lock (hosts)
        {
            if (hosts.Count >= MaxHosts)
            {
                return false;
            }

            hosts[host] = true;
            return true;
        }
    }

    public CachedPage Store(string key, int version, string contentType, byte[] body, string? link, string purgeKeys, object? note)
    {
        var isSearch = key.Contains("/search?", StringComparison.Ordinal);
        var page = Prepare(contentType, body, link, purgeKeys, note, fast: isSearch);
        var generation = GenerationFor(version);
        var size = SizeOf(key, page);
        if (generation.Number == version && size <= budget &&
            (!isSearch || Interlocked.Increment(ref generation.SearchPages) <= MaxSearchPagesPerImport) &&
            generation.Pages.TryAdd(key, page))
        {
            generation.Order.Enqueue((key, size));
            if (Interlocked.Add(ref generation.Bytes, size) > budget)
            {
                Evict(generation);
            }
        }

        return page;
    }

    private static long SizeOf(string key, CachedPage page) => page.Identity.Length + page.Brotli.Length + page.Gzip.Length + (key.Length * sizeof(char));

    /// <summary>A page's final forms: ETag, Brotli, gzip.</summary>
    /// <param name="fast">
    /// A fast level whatever the size: a search results page is made for one query that may not come again, and Brotli's
    /// smallest output of a 9 KB results page took 14 ms here against 0.1 ms at the optimal level, for 23% more bytes.
    /// </param>
    private static CachedPage Prepare(string contentType, byte[] body, string? link, string purgeKeys, object? note, bool fast)
    {
        var level = !fast && body.Length <= SmallestCompressionLimit ? CompressionLevel.SmallestSize : CompressionLevel.Optimal;
        return new CachedPage(contentType, HttpCaching.StrongETag(body), body,
            Compress(body, s => new BrotliStream(s, level)), Compress(body, s => new GZipStream(s, level)), link, purgeKeys, note);
    }

    /// <summary>The generation for <paramref name="version"/>, starting a new, empty one when it is the first request of a newer import.</summary>
    private Generation GenerationFor(int version)
    {
        var generation = Volatile.Read(ref current);
        if (generation.Number < version)
        {
            // Older generations are dropped whole. A page rendered for an older import than the cache's is served once but never stored.
            var fresh = new Generation(version);
            generation = Interlocked.CompareExchange(ref current, fresh, generation) == generation ? fresh : Volatile.Read(ref current);
        }

        return generation;
    }

    /// <summary>Drops the pages stored first until the generation fits its budget again.</summary>
    private void Evict(Generation generation)
    {
        while (Interlocked.Read(ref generation.Bytes) > budget && generation.Order.TryDequeue(out var oldest))
        {
            if (generation.Pages.TryRemove(oldest.Key, out _))
            {
                Interlocked.Add(ref generation.Bytes, -oldest.Size);
            }
        }
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

        /// <summary>How many search results pages this generation has taken (bounded: queries are unlimited).</summary>
        public int SearchPages;

        /// <summary>The bytes of every page held.</summary>
        public long Bytes;

        /// <summary>Pages in the order they were stored, oldest first, for eviction.</summary>
        public ConcurrentQueue<(string Key, long Size)> Order { get; } = new();

        public ConcurrentDictionary<string, CachedPage> Pages { get; } = new(StringComparer.Ordinal);
    }
}
