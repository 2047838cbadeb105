using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NerveSpasmGuide.Data.Editorial;
using NerveSpasmGuide.Data.Feedback;
using NerveSpasmGuide.Data.Publishing;

namespace NerveSpasmGuide.Web.Hosting;

/// <summary>
/// ASP.NET health checks: <c>/health/live</c> (the process answers), <c>/health/ready</c> (a site is published and
/// its store answers, and the feedback and editorial stores answer) and <c>/health</c> (readiness, with what was published: articles, last import, errors).
/// </summary>
public static class GuideHealth
{
    private const string Ready = "ready";

    public static IServiceCollection AddGuideHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<PublishedSiteCheck>("published-site", tags: [Ready])
            .AddCheck<FeedbackStoreCheck>("feedback-store", tags: [Ready])
            .AddCheck<EditorialStoreCheck>("editorial-store", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapGuideHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteSummaryAsync });
        return app;
    }

    private static Task WriteSummaryAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, object?> { ["status"] = report.Status == HealthStatus.Healthy ? "ok" : "loading" };
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
        {
            body[name] = entry.Description;
        }

        foreach (var (key, value) in report.Entries.SelectMany(e => e.Value.Data))
        {
            body[key] = value;
        }

        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

/// <summary>Ready once an import has published a site whose store answers a query, until shutdown begins.</summary>
public sealed class PublishedSiteCheck(SitePublisher publisher, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("shutting down: finishing the requests it has");
        }

        if (publisher.Current is null)
        {
            return HealthCheckResult.Unhealthy("no import has finished yet");
        }

        using var lease = publisher.Lease();
        var site = lease.Site;
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(site.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM articles";
        _ = await command.ExecuteScalarAsync(cancellationToken);
        return HealthCheckResult.Healthy(data: new Dictionary<string, object>
        {
            ["articles"] = site.Summary.Articles,
            ["lastImport"] = site.Summary.FinishedAt,
            ["errors"] = site.Summary.Errors,
            ["incremental"] = site.Summary.Incremental,
            ["pagesRendered"] = site.Summary.PagesRendered,
            ["managedHeapMb"] = GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024),
        });
    }
}

/// <summary>The feedback store answers a query (it is migrated at start-up, so a failure here means the file is gone or broken).</summary>
public sealed class FeedbackStoreCheck(FeedbackReports reports) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var (answers, searches, migration) = await reports.StatusAsync(cancellationToken);
            return HealthCheckResult.Healthy(data: new Dictionary<string, object>
            {
                ["feedbackAnswers"] = answers,
                ["searchReportRows"] = searches,
                ["feedbackMigration"] = migration ?? "none",
            });
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return HealthCheckResult.Unhealthy($"the feedback store does not answer: {ex.Message}");
        }
    }
}

/// <summary>The editorial store (accounts, sign-offs, audit) answers a query; like the feedback store, it is migrated at start-up.</summary>
public sealed class EditorialStoreCheck(IDbContextFactory<EditorialDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return HealthCheckResult.Healthy(data: new Dictionary<string, object>
            {
                ["editorAccounts"] = await db.Users.CountAsync(cancellationToken),
                ["reviewSignOffs"] = await db.SignOffs.CountAsync(cancellationToken),
                ["editorialMigration"] = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault() ?? "none",
            });
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return HealthCheckResult.Unhealthy($"the editorial store does not answer: {ex.Message}");
        }
    }
}
