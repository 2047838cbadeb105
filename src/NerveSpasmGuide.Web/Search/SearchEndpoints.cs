using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Search;

namespace NerveSpasmGuide.Web.Search;

/// <summary>Suggestions for the search boxes' combobox (wwwroot/js/search-suggest.js); the search page itself is a Razor page.</summary>
public static class SearchEndpoints
{
    /// <summary>The policy on the search page: a bound on searches running at once, not a per-client limit.</summary>
    public const string ConcurrencyPolicy = "search";

    /// <summary>
    /// Searches that miss the page cache are CPU work (ranking in memory, then one snippet read per hit), which uses
    /// the CPU fully with two per core; more at once only adds snippet readers and memory, and makes every search
    /// slower. The rest wait in order, and only a flood beyond the queue is refused (429).
    /// </summary>
    public static IServiceCollection AddGuideSearch(this IServiceCollection services) =>
        services.AddGuideSearchReport().AddRateLimiter(options => options.AddConcurrencyLimiter(ConcurrencyPolicy, limiter =>
        {
            limiter.PermitLimit = 2 * Environment.ProcessorCount;
            limiter.QueueLimit = 1024;
            limiter.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
        }));

    public static IEndpointRouteBuilder MapGuideSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search/suggest", (string? q, RequestSite site, HttpContext context) => Suggest(site.Directory.Suggestions, q, context));
        app.MapGet(SpanishDirectory.SearchPath + "/suggest", (string? q, RequestSite site, HttpContext context) => Suggest(site.Directory.Spanish.Suggestions, q, context));
        return app;
    }

    private static IResult Suggest(SearchSuggestions suggestions, string? query, HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Json(suggestions.For(query).Select(s => new { label = s.Label, url = s.Url }));
    }
}
