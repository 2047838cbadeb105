using System.Net;
using NerveSpasmGuide.Web.Editing;
using NerveSpasmGuide.Web.Tests.Editing;

namespace NerveSpasmGuide.Web.Tests.Pages;

public sealed class SecurityTests(EditorFactory factory) : IClassFixture<EditorFactory>
{
    [Fact]
    public async Task HttpsResponsesCarryStrictTransportSecurity()
    {
        using var client = factory.CreateNonRedirectingClient();
        client.BaseAddress = new Uri("https://guide.example.org");
        using var response = await client.GetAsync(new Uri("/causes/sciatica", UriKind.Relative));

        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttpResponsesDoNotClaimHsts()
    {
        using var client = factory.CreateNonRedirectingClient();
        using var response = await client.GetAsync(new Uri("/causes/sciatica", UriKind.Relative));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task CookiesAreSecureOverHttps()
    {
        using var client = factory.CreateNonRedirectingClient();
        client.BaseAddress = new Uri("https://guide.example.org");
        using var response = await client.GetAsync(new Uri(EditorAccess.SignInPath, UriKind.Relative));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("nsg_antiforgery=", StringComparison.Ordinal));

        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("PUT", "/causes/sciatica")]
    [InlineData("DELETE", "/")]
    [InlineData("POST", "/search?q=x")]
    [InlineData("PATCH", "/sources")]
    [InlineData("DELETE", "/editor/sign-in")]
    public async Task MethodsAPageDoesNotAnswerGet405WithTheMethodsItDoes(string method, string url)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var allowed = response.Content.Headers.Allow;
        Assert.Contains("GET", allowed);
        Assert.Contains("HEAD", allowed);
        Assert.DoesNotContain(method, allowed);
        Assert.Contains("Not allowed", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("TRACE", "/causes/sciatica", HttpStatusCode.MethodNotAllowed)]
    [InlineData("PUT", "/causes/sciatica", HttpStatusCode.MethodNotAllowed)]
    [InlineData("DELETE", "/", HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/search?q=x", HttpStatusCode.MethodNotAllowed)]
    [InlineData("PATCH", "/sources", HttpStatusCode.MethodNotAllowed)]
    [InlineData("PUT", "/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/articles", HttpStatusCode.NotFound)] // the article route (any method) also matches this path, so routing finds no 405
    public async Task OtherMethodsOnPagesAreClientErrorsWithAFriendlyPage(string method, string url, HttpStatusCode expected)
    {
        using var client = factory.CreateNonRedirectingClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("<h1>", body, StringComparison.Ordinal);
        Assert.Contains("/guides/when-to-get-urgent-help", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
