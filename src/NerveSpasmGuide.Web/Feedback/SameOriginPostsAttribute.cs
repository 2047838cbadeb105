using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using NerveSpasmGuide.Web.Linking;

namespace NerveSpasmGuide.Web.Feedback;

/// <summary>
/// Refuses (403) an unsafe request that a browser says came from another site: <c>Sec-Fetch-Site</c> other than
/// same-origin, or an <c>Origin</c> that is not this site. It stands in for an anti-forgery token on forms whose
/// page must stay the same for every reader (and cacheable). Clients that send neither header (scripts, old
/// browsers) are not browsers driven by another site, so they pass.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SameOriginPostsAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || IsSameOrigin(request))
        {
            return;
        }

        context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    internal static bool IsSameOrigin(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"] is { Count: > 0 } site && !string.Equals(site, "same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (request.Headers.Origin is not { Count: > 0 } origin)
        {
            return true;
        }

        if (origin.Count > 1 || !Uri.TryCreate(origin.ToString(), UriKind.Absolute, out var from))
        {
            return false;
        }

        // Behind a proxy the request's scheme may be http while the reader's is https: the host and port decide.
        var own = new Uri(request.HttpContext.RequestServices.GetRequiredService<SiteUrls>().Base(request));
        return string.Equals(from.Authority, own.Authority, StringComparison.OrdinalIgnoreCase) ||
               string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
