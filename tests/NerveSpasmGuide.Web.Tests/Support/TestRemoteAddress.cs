using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace NerveSpasmGuide.Web.Tests.Support;

/// <summary>The test server has no client address; let each test choose one so rate-limit partitions stay apart.</summary>
public sealed class TestRemoteAddress : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header], out var address) && address.AddressFamily == AddressFamily.InterNetwork)
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>Signs in to the editor dashboard as a browser would: read the form's anti-forgery token, then post the editor token or an account's password.</summary>
public static partial class EditorSignIn
{
    /// <summary>Posts <paramref name="token"/> with the form's anti-forgery token and cookie; the response is the sign-in's own.</summary>
    public static Task<HttpResponseMessage> PostTokenAsync(HttpClient client, string token, string remoteAddress) =>
        PostFormAsync(client, [new("Token", token)], remoteAddress);

    /// <summary>Posts an account's email and password the same way.</summary>
    public static Task<HttpResponseMessage> PostPasswordAsync(HttpClient client, string email, string password, string remoteAddress) =>
        PostFormAsync(client, [new("Email", email), new("Password", password)], remoteAddress);

    /// <summary>The session cookie a successful sign-in set.</summary>
    public static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("nsg_editor=", StringComparison.Ordinal)).Split(';')[0];

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, KeyValuePair<string, string>[] fields, string remoteAddress)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/editor/sign-in");
        using var form = await client.SendAsync(get);
        var html = await form.Content.ReadAsStringAsync();
        var cookie = form.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("nsg_antiforgery=", StringComparison.Ordinal)).Split(';')[0];

        var post = new HttpRequestMessage(HttpMethod.Post, "/editor/sign-in")
        {
            Content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", AntiforgeryToken(html))]),
        };
        post.Headers.Add("Cookie", cookie);
        post.Headers.Add(TestRemoteAddress.Header, remoteAddress);
        return await client.SendAsync(post);
    }

    /// <summary>Signs in and returns the editor's session cookie (<c>nsg_editor=...</c>).</summary>
    public static async Task<string> SessionCookieAsync(HttpClient client, string token, string remoteAddress)
    {
        using var response = await PostTokenAsync(client, token, remoteAddress);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("nsg_editor=", StringComparison.Ordinal)).Split(';')[0];
    }

    /// <summary>The first anti-forgery token in a page's forms.</summary>
    public static string AntiforgeryToken(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
