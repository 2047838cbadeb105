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

    /// <summary>Compression outside the page cache, which sets Content-Encoding itself for the pages it serves.</summary>
    public static IApplicationBuilder UseGuidePerformance(this IApplicationBuilder app) => app
        .UseResponseCompression()
        .UseMiddleware<PageCacheMiddleware>()
        .UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
        });
}
