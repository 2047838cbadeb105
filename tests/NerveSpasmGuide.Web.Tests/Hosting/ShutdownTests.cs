using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Web.Hosting;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Hosting;

public sealed class ShutdownTests(GuideFactory factory) : IClassFixture<GuideFactory>
{
    [Fact]
    public async Task AnInstanceThatIsStoppingReportsNotReadySoALoadBalancerDrainsIt()
    {
        using var client = factory.CreateNonRedirectingClient();
        using (var before = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // The readiness check of a published site, in a host that has begun to stop (stopping the test server itself
        // would dispose the services the check runs in).
        using var lifetime = new StoppingLifetime();
        var check = new PublishedSiteCheck(factory.Services.GetRequiredService<SitePublisher>(), lifetime);
        var running = await check.CheckHealthAsync(new HealthCheckContext());
        lifetime.StopApplication();
        var stopping = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, running.Status);
        Assert.Equal(HealthStatus.Unhealthy, stopping.Status);
        Assert.Contains("shutting down", stopping.Description, StringComparison.Ordinal);
    }

    private sealed class StoppingLifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => stopping.Cancel();

        public void Dispose() => stopping.Dispose();
    }
}
