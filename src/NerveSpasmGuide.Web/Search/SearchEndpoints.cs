using NerveSpasmGuide.Data.Publishing;

namespace NerveSpasmGuide.Web.Search;

/// <summary>Suggestions for the search boxes' combobox (wwwroot/js/search-suggest.js); the search page itself is a Razor page.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapGuideSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search/suggest", (string? q, RequestSite site, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Json(site.Directory.Suggestions.For(q).Select(s => new { label = s.Label, url = s.Url }));
        });
        return app;
    }
}
