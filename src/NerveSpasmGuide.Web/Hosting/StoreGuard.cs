using Microsoft.Data.Sqlite;
using NerveSpasmGuide.Data.Import;

namespace NerveSpasmGuide.Web.Hosting;

/// <summary>
/// The store is derived data: if its file is deleted, truncated or corrupted under the running site, the request
/// that notices rebuilds it from content and is served again, instead of failing.
/// </summary>
internal static partial class StoreGuard
{
    public static IApplicationBuilder UseGuideStoreGuard(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("NerveSpasmGuide.StoreGuard");
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (SqliteException ex) when (!context.Response.HasStarted)
            {
                LogRebuilding(logger, ex.SqliteErrorCode, ex.Message);
                await context.RequestServices.GetRequiredService<GuideImporter>().ImportAsync(context.RequestAborted);
                context.Response.Clear();

                // This request's scope leased the broken site; the retry leases the one just published.
                var requestServices = context.RequestServices;
                await using var retry = requestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                context.RequestServices = retry.ServiceProvider;
                try
                {
                    await next(context);
                }
                finally
                {
                    context.RequestServices = requestServices;
                }
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store failed (SQLite error {Code}: {Reason}); rebuilding it from content")]
    private static partial void LogRebuilding(ILogger logger, int code, string reason);
}
