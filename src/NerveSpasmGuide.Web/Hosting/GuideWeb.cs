using Microsoft.Extensions.Options;
using NerveSpasmGuide.Web.Editing;
using NerveSpasmGuide.Web.Linking;
using NerveSpasmGuide.Web.Performance;
using NerveSpasmGuide.Web.Search;

namespace NerveSpasmGuide.Web.Hosting;

public static class GuideWeb
{
    public static IServiceCollection AddGuideWeb(this IServiceCollection services)
    {
        services.AddRazorPages(options => options.Conventions
                .AuthorizeFolder("/Editor")
                .AuthorizePage("/Editor/Accounts", EditorAccess.AdministerPolicy)
                .AllowAnonymousToPage("/Editor/SignIn")
                .AddPageRoute("/Code", "/code/{system}/{code}")
                .AddPageRoute("/Index", "/es")
                .AddPageRoute("/Kind", "/es/{kind:articlekind}")
                .AddPageRoute("/Article", "/es/{kind:articlekind}/{slug}")
                .AddPageRoute("/Search", "/es/search")
                .AddPageRoute("/Sources", "/es/sources")
                .AddPageRoute("/Handout/Index", "/es/handout")
                .AddPageRoute("/Handout/New", "/es/handout/new")
                .AddPageRoute("/Feedback", "/es/feedback"))
            .AddMvcOptions(options => options.Filters.Add<MethodNotAllowedFilter>());
        services.AddGuideEditor();
        services.AddGuideLanguages();
        services.AddGuideLinking();
        services.AddGuideSearch();
        services.AddGuidePerformance();
        services.AddGuideHealth();
        services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests); // the policies are their features'
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, ConfigureForwardedHeaders>();
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.Configure<RouteOptions>(options =>
        {
            options.LowercaseUrls = true;
            options.ConstraintMap[ArticleKindRouteConstraint.Name] = typeof(ArticleKindRouteConstraint);
        });
        return services;
    }

    /// <summary>
    /// The client's real address and scheme first (logs, rate limits, HSTS and secure cookies read them), then error
    /// pages, headers and logging, so every response (errors too) gets them.
    /// </summary>
    public static WebApplication UseGuidePipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseGuideLanguages(); // before the page cache, which renders pages in the request's language
        app.UseGuideRequestLogging();
        app.UseGuideSecurityHeaders();
        app.UseGuideSearchReport();
        app.UseGuidePageCache();
        app.UseExceptionHandler("/error");
        app.UseHsts(); // only over HTTPS, and never for localhost (HstsOptions.ExcludedHosts)

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseGuideStoreGuard();
        app.UseGuideCompressionAndStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseGuideEditor();
        return app;
    }

    public static WebApplication MapGuideEndpoints(this WebApplication app)
    {
        app.MapGuideHealth();
        app.MapGuideLinking();
        app.MapGuideSearch();
        app.MapRazorPages();
        return app;
    }
}
