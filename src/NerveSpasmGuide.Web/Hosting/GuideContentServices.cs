using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NerveSpasmGuide.Data.Import;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Search;
using NerveSpasmGuide.Data.Store;
using NerveSpasmGuide.Web.Editing;

namespace NerveSpasmGuide.Web.Hosting;

public static class GuideContentServices
{
    /// <summary>Options, the store, its importer and the read services behind the pages.</summary>
    public static IServiceCollection AddGuideContent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GuideOptions>()
            .Bind(configuration.GetSection(GuideOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GuideOptions>, GuideOptionsValidator>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GuideOptions>>().Value;
            return new StoreLocation(Path.GetFullPath(options.ContentPath), Path.GetFullPath(options.DatabasePath));
        });
        services.AddSingleton<SitePublisher>();
        services.AddSingleton<GuideImporter>();
        services.AddHostedService<ContentImportHostedService>();
        services.AddHostedService<ContentWatcher>();

        // Each request reads the store of the site it leased, so a context belongs to one request, not to a pool.
        services.AddScoped<RequestSite>();
        services.AddDbContext<GuideDbContext>((sp, db) =>
            db.UseSqlite(sp.GetRequiredService<RequestSite>().Site.ConnectionString)
              .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        services.AddScoped<ArticleQueries>();
        services.AddScoped<ArticleSearch>();
        services.AddScoped<EditorQueries>();
        return services;
    }
}
