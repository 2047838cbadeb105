using Microsoft.Extensions.Options;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Linking;

/// <summary>Absolute URLs the site prints (canonical links, QR codes, feeds): Guide:PublicBaseUrl when set, else the request's own host.</summary>
public sealed class SiteUrls(IOptions<GuideOptions> options)
{
    /// <summary>True when Guide:PublicBaseUrl is set, so pages are the same whatever Host a request names.</summary>
    public bool IsFixed => options.Value.PublicBaseUrl is { Length: > 0 };

    public string Base(HttpRequest request) =>
        options.Value.PublicBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";

    /// <param name="pathAndQuery">A site path starting with '/', already encoded.</param>
    public string Absolute(HttpRequest request, string pathAndQuery) => Base(request) + pathAndQuery;
}
