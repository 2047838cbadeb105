using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NerveSpasmGuide.Data.Durable;

namespace NerveSpasmGuide.Web.Hosting;

/// <summary>The full path of one durable store's file.</summary>
public sealed record DurableStorePath<TContext>(string Path)
    where TContext : DbContext;

/// <summary>
/// Registers a store of data that is not derived from content (see <see cref="DurableStores"/>): its path from the
/// options, a context factory and the start-up migration. The feedback and editorial stores use it.
/// </summary>
public static class DurableStoreServices
{
    /// <param name="services">The services.</param>
    /// <param name="path">The store's file, from the options.</param>
    /// <param name="tracking">No tracking by default; Identity's stores need it, as they update what they read.</param>
    public static IServiceCollection AddDurableStore<TContext>(
        this IServiceCollection services, Func<GuideOptions, string> path, QueryTrackingBehavior tracking = QueryTrackingBehavior.NoTracking)
        where TContext : DbContext
    {
        services.AddSingleton(sp => new DurableStorePath<TContext>(Path.GetFullPath(path(sp.GetRequiredService<IOptions<GuideOptions>>().Value))));
        services.AddDbContextFactory<TContext>((sp, db) =>
            db.UseSqlite(DurableStores.ConnectionString(sp.GetRequiredService<DurableStorePath<TContext>>().Path))
              .UseQueryTrackingBehavior(tracking));
        services.AddHostedService<DurableStoreMigration<TContext>>();
        return services;
    }
}

/// <summary>Applies the store's pending migrations before the server takes requests (never lazily on a first request).</summary>
internal sealed partial class DurableStoreMigration<TContext>(
    IDbContextFactory<TContext> contexts, DurableStorePath<TContext> store, ILogger<DurableStoreMigration<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        MigrationOutcome outcome;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            outcome = await DurableStores.MigrateAsync(db, store.Path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new GuideStartupException(
                $"the store '{store.Path}' could not be opened or migrated ({ex.Message}); check that the folder is writable and the file is a SQLite " +
                "database. It holds data that is not derived from content: restore it from a backup rather than deleting it");
        }

        if (outcome.Applied.Count > 0)
        {
            LogMigrated(store.Path, string.Join(", ", outcome.Applied), outcome.BackupPath ?? "none (new store)");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrated {Store}: applied {Migrations}; copy made first: {Backup}")]
    private partial void LogMigrated(string store, string migrations, string backup);
}
