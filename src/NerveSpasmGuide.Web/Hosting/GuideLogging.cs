using System.Diagnostics;
using Serilog;

namespace NerveSpasmGuide.Web.Hosting;

/// <summary>
/// Serilog from configuration, wired through Microsoft.Extensions.Logging because Serilog.AspNetCore does not
/// restore here. When it does, this file is the one to replace with UseSerilog() and UseSerilogRequestLogging().
/// </summary>
public static partial class GuideLogging
{
    public static WebApplicationBuilder AddGuideLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            // Set-up problems are printed as one plain line by Program; the host's copy would add a stack trace.
            .Filter.ByExcluding(e => e.Exception is GuideStartupException or Microsoft.Extensions.Options.OptionsValidationException)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }

    /// <summary>One structured event per request: method, path, status and elapsed time.</summary>
    public static IApplicationBuilder UseGuideRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("NerveSpasmGuide.Requests");
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                LogRequest(logger, context.Request.Method, context.Request.Path.Value, context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(Microsoft.Extensions.Logging.ILogger logger, string method, string? path, int statusCode, double elapsedMs);
}
