using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using NerveSpasmGuide.Web.Hosting;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Hosting;

public sealed class BehindProxyFactory : GuideFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Guide:Connect:RequestsPerMinute", "3");
        builder.UseSetting("Guide:Proxy:TrustedProxies:0", "10.1.0.0/16");
    }
}

public sealed class ForwardedHeadersTests(BehindProxyFactory factory) : IClassFixture<BehindProxyFactory>
{
    private const string ConnectLink = "/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=M54.31";

    [Fact]
    public async Task ReadersBehindTheLocalProxyEachHaveTheirOwnAllowance()
    {
        var first = await StatusesAsync(4, _ => (IPAddress.Loopback, "203.0.113.1"));
        var second = await StatusesAsync(1, _ => (IPAddress.Loopback, "203.0.113.2"));

        Assert.Equal([302, 302, 302, 429], first);
        Assert.Equal([302], second);
    }

    [Fact]
    public async Task AConfiguredProxyNetworkIsTrustedLikeTheLocalOne()
    {
        var viaNetworkProxy = await StatusesAsync(4, i => (IPAddress.Parse($"10.1.0.{i + 1}"), "203.0.113.9"));

        Assert.Equal([302, 302, 302, 429], viaNetworkProxy);
    }

    [Fact]
    public async Task AClientThatIsNotAProxyCannotChooseItsOwnAddress()
    {
        var spoofing = await StatusesAsync(4, i => (IPAddress.Parse("198.51.100.9"), $"192.0.2.{i + 1}"));

        Assert.Equal([302, 302, 302, 429], spoofing);
    }

    [Fact]
    public async Task HttpsReportedByTheProxyTurnsOnStrictTransportSecurity()
    {
        var viaHttps = await SendAsync("/", IPAddress.Loopback, "203.0.113.20", "https");
        var viaHttp = await SendAsync("/", IPAddress.Loopback, "203.0.113.20", "http");

        Assert.Equal(200, viaHttps.Response.StatusCode);
        Assert.StartsWith("max-age=", viaHttps.Response.Headers.StrictTransportSecurity.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, viaHttp.Response.Headers.StrictTransportSecurity.Count);
    }

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("2001:db8::/32", true)]
    [InlineData("nginx", false)]
    [InlineData("10.0.0.0/99", false)]
    public void TrustedProxiesMustBeAddressesOrNetworks(string entry, bool valid)
    {
        var result = new ProxyOptionsValidator().Validate(null, new ProxyOptions { TrustedProxies = [entry] });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains($"'{entry}'", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    private async Task<List<int>> StatusesAsync(int count, Func<int, (IPAddress Sender, string ForwardedFor)> request)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var (sender, forwardedFor) = request(i);
            statuses.Add((await SendAsync(ConnectLink, sender, forwardedFor, "http")).Response.StatusCode);
        }

        return statuses;
    }

    private Task<HttpContext> SendAsync(string pathAndQuery, IPAddress sender, string forwardedFor, string forwardedProto) =>
        factory.Server.SendAsync(context =>
        {
            var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
            context.Request.Method = HttpMethods.Get;
            context.Request.Host = new HostString("guide.example.org");
            context.Request.Path = query < 0 ? pathAndQuery : pathAndQuery[..query];
            context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(pathAndQuery[query..]);
            context.Connection.RemoteIpAddress = sender;
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
        });
}
