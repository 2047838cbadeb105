using Serilog;

namespace NerveSpasmGuide.Web.Hosting;

/// <summary>Serilog.AspNetCore, configured from the <c>Serilog</c> section, and its one structured event per request.</summary>
public static class GuideLogging
{
    public static WebApplicationBuilder AddGuideLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            // Set-up problems are printed as one plain line by Program; the host's copy would add a stack trace.
            .Filter.ByExcluding(e => e.Exception is GuideStartupException or Microsoft.Extensions.Options.OptionsValidationException),
            // This host's logger stays its own (several hosts share a test process), rather than replacing Log.Logger.
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>One event per request, answered from the page cache or not: method, path, route, status and elapsed ms.</summary>
    public static IApplicationBuilder UseGuideRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} ({Route}) responded {StatusCode} in {Elapsed:0.0} ms";
            options.EnrichDiagnosticContext = (diagnostics, context) =>
                diagnostics.Set("Route", (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "none");
        });
}
