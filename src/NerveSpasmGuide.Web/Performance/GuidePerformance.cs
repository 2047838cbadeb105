using Microsoft.AspNetCore.ResponseCompression;

namespace NerveSpasmGuide.Web.Performance;

public static class GuidePerformance
{
    public static IServiceCollection AddGuidePerformance(this IServiceCollection services)
    {
        services.AddSingleton<PageCache>();
        services.AddResponseCompression(options =>
        {
            // Over HTTPS only cached pages (which hold no secrets) are compressed, by the page cache itself.
            options.EnableForHttps = false;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "application/atom+xml"];
        });
        return services;
    }

    /// <summary>Cached pages are answered before the rest of the pipeline; a miss renders through it.</summary>
    public static IApplicationBuilder UseGuidePageCache(this IApplicationBuilder app) => app.UseMiddleware<PageCacheMiddleware>();

    /// <summary>Compression for dynamic answers, and long-lived caching for fingerprinted static files.</summary>
    public static IApplicationBuilder UseGuideCompressionAndStaticFiles(this IApplicationBuilder app) => app
        .UseResponseCompression()
        .UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
        });
}
