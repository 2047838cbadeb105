using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Hosting;

public sealed class ShutdownTests
{
    [Fact]
    public async Task AnInstanceThatIsStoppingReportsNotReadySoALoadBalancerDrainsIt()
    {
        using var factory = new GuideFactory();
        using var client = factory.CreateNonRedirectingClient();
        using (var before = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var health = factory.Services.GetRequiredService<HealthCheckService>();
        factory.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var report = await health.CheckHealthAsync(check => check.Tags.Contains("ready"));

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("shutting down", report.Entries["published-site"].Description, StringComparison.Ordinal);
    }
}
