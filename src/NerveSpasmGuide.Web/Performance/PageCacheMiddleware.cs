using Microsoft.Net.Http.Headers;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Web.Linking;

namespace NerveSpasmGuide.Web.Performance;

/// <summary>Serves cached pages with strong ETags (304 on If-None-Match) and Brotli or gzip chosen from Accept-Encoding.</summary>
public sealed class PageCacheMiddleware(RequestDelegate next, PageCache cache, SiteUrls urls)
{
    /// <summary>Fresh for 5 minutes; a CDN may serve it stale for a minute while it refetches, and for a day while every instance is down.</summary>
    public const string CacheControl = "public, max-age=300, stale-while-revalidate=60, stale-if-error=86400";

    /// <summary>
    /// Search results pages: a browser or CDN may keep them but must ask again each time (a 304 from memory when
    /// nothing changed), so that the search report counts every search, not one in five minutes per cache.
    /// </summary>
    public const string SearchCacheControl = "no-cache";
    private static readonly string[] CacheableTypes = ["text/html", "application/json", "application/xml", "application/atom+xml", "text/plain"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!PageCache.IsCacheable(context.Request))
        {
            await next(context);
            return;
        }

        // Pages print absolute URLs, so without Guide:PublicBaseUrl they are rendered and cached per scheme and host.
        if (!urls.IsFixed && !cache.AdmitsHost(context.Request.Host.Value ?? ""))
        {
            await RefuseHostAsync(context);
            return;
        }

        var key = urls.Base(context.Request) + context.Request.Path.Value + context.Request.QueryString.Value;
        var version = context.RequestServices.GetRequiredService<RequestSite>().Site.Version;
        if (!cache.TryGet(version, key, out var page))
        {
            var original = context.Response.Body;
            var acceptEncoding = context.Request.Headers.AcceptEncoding;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;

            // Render uncompressed: the cache keeps identity bytes and compresses them itself.
            context.Request.Headers.AcceptEncoding = default;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
                context.Request.Headers.AcceptEncoding = acceptEncoding;
            }

            var contentType = context.Response.ContentType ?? "";
            if (context.Response.StatusCode != StatusCodes.Status200OK || context.Response.Headers.SetCookie.Count > 0 ||
                !CacheableTypes.Any(type => contentType.StartsWith(type, StringComparison.Ordinal)))
            {
                buffer.Position = 0;
                await buffer.CopyToAsync(original, context.RequestAborted);
                return;
            }

            var link = context.Response.Headers.Link.Count > 0 ? context.Response.Headers.Link.ToString() : null;
            var purgeKeys = string.Join(' ', SurrogateKeys(context.Request.Path.Value ?? "/"));
            page = cache.Store(key, version, contentType, buffer.ToArray(), link, purgeKeys, PageNotes.Read(context));
        }
        else if (page.Note is not null)
        {
            PageNotes.Leave(context, page.Note);
        }

        await WriteAsync(context, page);
    }

    private static Task RefuseHostAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(
            $"This site does not answer for the host name \"{context.Request.Host.Value}\". Use the site's own address. " +
            "(Operators: set Guide:PublicBaseUrl to the site's public address.)\n", context.RequestAborted);
    }

    private static async Task WriteAsync(HttpContext context, CachedPage page)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = page.ContentType;
        response.Headers.ETag = page.ETag;
        response.Headers.CacheControl = context.Request.Path == "/search" ? SearchCacheControl : CacheControl;
        response.Headers["Surrogate-Key"] = page.PurgeKeys;
        response.Headers["Cache-Tag"] = page.CacheTags;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (page.Link is not null)
        {
            response.Headers.Link = page.Link;
        }

        if (HttpCaching.IsNotModified(context.Request, page.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var accepted = context.Request.GetTypedHeaders().AcceptEncoding;
        var (body, encoding) = Accepts(accepted, "br") ? (page.Brotli, "br") : Accepts(accepted, "gzip") ? (page.Gzip, "gzip") : (page.Identity, null);
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }

        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>
    /// Keys a CDN can purge by (Fastly's Surrogate-Key, Cloudflare's Cache-Tag): every page carries <c>site</c>, and its
    /// own key (<c>article-sciatica</c>, <c>kind-causes</c>, <c>home</c>, <c>search</c>, <c>api</c>, <c>feeds</c>, <c>sources</c>).
    /// </summary>
    public static IReadOnlyList<string> SurrogateKeys(string path)
    {
        var segments = path.Trim('/').Split('/');
        if (segments is ["es", .. var rest])
        {
            // A Spanish page is purged with its own keys, and with "article-{slug}" when its English article changes.
            return [.. SurrogateKeys("/" + string.Join('/', rest)).Select(key => key == "site" ? key : "es-" + key)];
        }

        var own = segments switch
        {
            [""] => "home",
            ["search"] => "search",
            ["sources"] => "sources",
            ["api", "articles"] => "api",
            ["api", "articles", var slug] => "article-" + slug,
            [var kind] when ArticleKinds.TryParseFolder(kind, out _) => "kind-" + kind,
            [var kind, var slug] when ArticleKinds.TryParseFolder(kind, out _) => "article-" + slug,
            _ => "feeds",
        };
        return ["site", own];
    }

    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string coding) =>
        accepted.Any(value => value.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) && value.Quality is not 0);
}
