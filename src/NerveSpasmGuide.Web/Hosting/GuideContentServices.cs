using Microsoft.AspNetCore.HostFiltering;
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

        // With a public address, answer for it (and for loopback, for health probes) rather than for any Host.
        services.AddOptions<HostFilteringOptions>().PostConfigure<IOptions<GuideOptions>>((hosts, guide) =>
        {
            if (hosts.AllowedHosts is [] or ["*"] && Uri.TryCreate(guide.Value.PublicBaseUrl, UriKind.Absolute, out var publicUrl))
            {
                hosts.AllowedHosts = [publicUrl.IdnHost, "localhost", "127.0.0.1", "[::1]"];
            }
        });

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GuideOptions>>().Value;
            return new StoreLocation(Path.GetFullPath(options.ContentPath), Path.GetFullPath(options.DatabasePath));
        });
        services.AddSingleton<SitePublisher>();
        services.AddSingleton(sp =>
        {
            var importer = ActivatorUtilities.CreateInstance<GuideImporter>(sp);
            sp.GetRequiredService<CollectAfterImports>().Watch(importer);
            return importer;
        });
        services.AddSingleton<CollectAfterImports>();
        services.AddHostedService<ContentImportHostedService>();
        services.AddHostedService<ContentWatcher>();

        // Each request reads the store of the site it leased, so a context belongs to one request, not to a pool.
        services.AddScoped<RequestSite>();
        services.AddDbContext<GuideDbContext>((sp, db) =>
            db.UseSqlite(sp.GetRequiredService<RequestSite>().Site.ConnectionString)
              .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        services.AddScoped<ArticleQueries>();
        services.AddScoped<SpanishQueries>();
        services.AddScoped<SpanishSearch>();
        services.AddScoped<ArticleSearch>();
        services.AddScoped<EditorQueries>();
        return services;
    }
}
