using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace NerveSpasmGuide.Web.Linking;

/// <summary>Strong ETags from the response bytes, answering If-None-Match with 304.</summary>
public static class HttpCaching
{
    public static IResult Cached(HttpContext context, byte[] body, string contentType, TimeSpan maxAge)
    {
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"";
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
        var requested = context.Request.GetTypedHeaders().IfNoneMatch;
        if (requested.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag == etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(body, contentType);
    }
}
