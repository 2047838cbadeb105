using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace NerveSpasmGuide.Web.Performance;

/// <summary>Strong ETags from the response bytes, and the If-None-Match check that answers 304.</summary>
public static class HttpCaching
{
    public static string StrongETag(ReadOnlySpan<byte> body) => $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"";

    public static bool IsNotModified(HttpRequest request, string etag) =>
        request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag == etag);

    /// <summary>For answers outside the page cache (QR codes): the bytes, or 304 when the client has them.</summary>
    public static IResult Cached(HttpContext context, byte[] body, string contentType, TimeSpan maxAge)
    {
        var etag = StrongETag(body);
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
        return IsNotModified(context.Request, etag) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(body, contentType);
    }
}
