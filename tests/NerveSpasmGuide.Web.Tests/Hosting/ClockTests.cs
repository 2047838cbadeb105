using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Hosting;

/// <summary>The site on a fake clock: every date it prints comes from TimeProvider, none from the machine's clock.</summary>
public sealed class FakeClockFactory : GuideFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}

public sealed class ClockTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    [Fact]
    public async Task ConnectFeedsAndHandoutsPrintTheSitesClockNotTheMachines()
    {
        using var client = factory.CreateNonRedirectingClient();
        var atom = await client.GetStringAsync(new Uri(
            "/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=M54.31&knowledgeResponseType=text/xml", UriKind.Relative));
        var handout = await factory.GetDocumentAsync("/handout?a=sciatica");

        Assert.Contains("<updated>2030-01-02T03:04:05Z</updated>", atom, StringComparison.Ordinal);
        Assert.Equal("2030-01-02", handout.QuerySelector(".handout-cover time")!.GetAttribute("datetime"));

        factory.Clock.Advance(TimeSpan.FromDays(1));
        var later = await factory.GetDocumentAsync("/handout?a=sciatica");
        Assert.Equal("2030-01-03", later.QuerySelector(".handout-cover time")!.GetAttribute("datetime"));
    }
}
