using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NerveSpasmGuide.Web.Tests.Support;
using Serilog.Core;
using Serilog.Events;

namespace NerveSpasmGuide.Web.Tests.Hosting;

/// <summary>The host's Serilog pipeline, with a sink that keeps what it is given (Serilog reads sinks from DI).</summary>
public sealed class LoggedGuideFactory : GuideFactory
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(new Collector(Events)));
    }

    private sealed class Collector(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}

public sealed class RequestLoggingTests(LoggedGuideFactory factory) : IClassFixture<LoggedGuideFactory>
{
    [Fact]
    public async Task EachRequestIsOneEventWithRouteStatusAndElapsedMilliseconds()
    {
        using var client = factory.CreateNonRedirectingClient();
        await client.GetAsync(new Uri("/causes/radiculopathy", UriKind.Relative));
        await client.GetAsync(new Uri("/nowhere/at/all", UriKind.Relative));

        // The event is written once the response has gone, so it may arrive just after the client has the answer.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<LogEvent> events;
        while ((events = [.. factory.Events.Where(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal))]).Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(events.Count >= 2, string.Join("\n", factory.Events.Select(e => e.RenderMessage())));
        var article = Assert.Single(events, e => Scalar(e, "RequestPath") == "/causes/radiculopathy");
        Assert.Equal(("GET", "200", "{kind:articlekind}/{slug}"), (Scalar(article, "RequestMethod"), Scalar(article, "StatusCode"), Scalar(article, "Route")));
        Assert.True(double.Parse(Scalar(article, "Elapsed")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("404", Scalar(Assert.Single(events, e => Scalar(e, "RequestPath") == "/nowhere/at/all"), "StatusCode"));
    }

    [Fact]
    public async Task TheImportIsLoggedWithItsCounts()
    {
        using var client = factory.CreateClient();
        await client.GetAsync(new Uri("/health", UriKind.Relative));

        var import = Assert.Single(factory.Events, e => e.MessageTemplate.Text.StartsWith("Imported {Articles} articles", StringComparison.Ordinal));
        Assert.Equal("4", Scalar(import, "Articles")); // the fixture's published articles (its draft is not counted)
        Assert.Equal("0", Scalar(import, "Errors"));
    }

    private static string? Scalar(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: var scalar }
            ? Convert.ToString(scalar, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
