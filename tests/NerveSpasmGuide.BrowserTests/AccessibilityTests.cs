using System.Xml.Linq;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NerveSpasmGuide.BrowserTests.Support;

namespace NerveSpasmGuide.BrowserTests;

[Collection(SharedSite.Name)]
public sealed class AccessibilityTests(SiteFixture site)
{
    private static readonly SemaphoreSlim SignIn = new(1, 1);
    private static List<Cookie>? editorCookies;

    public static TheoryData<string, int> PagesAtTwoWidths
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var page in SiteFixture.PublicPages)
            {
                data.Add(page, 1280);
                data.Add(page, 375);
            }

            return data;
        }
    }

    /// <summary>The editors' own pages, checked in a session signed in with the shared token (an editor: no accounts page).</summary>
    public static TheoryData<string, int> EditorPagesAtTwoWidths
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var page in (string[])["/editor", "/editor/reviews", "/editor/feedback", "/editor/searches", "/editor/audit", "/editor/preview/causes/sciatica"])
            {
                data.Add(page, 1280);
                data.Add(page, 375);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PagesAtTwoWidths))]
    public async Task PageHasNoWcagAOrAAViolations(string path, int width)
    {
        var page = await site.NewPageAsync(width);
        await page.GotoAsync(path);
        await AssertNoViolationsAsync(page, path, width);
    }

    [Theory]
    [MemberData(nameof(EditorPagesAtTwoWidths))]
    public async Task EditorPageHasNoWcagAOrAAViolations(string path, int width)
    {
        var page = await site.NewPageAsync(width);
        await SignInAsync(page);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await AssertNoViolationsAsync(page, path, width);
    }

    /// <summary>Signs in once by the form (sign-in is limited to five tries a minute per address) and hands later pages the same session.</summary>
    private static async Task SignInAsync(IPage page)
    {
        await SignIn.WaitAsync();
        try
        {
            if (editorCookies is null)
            {
                await page.GotoAsync("/editor/sign-in");
                await page.GetByLabel("Editor token").FillAsync(SiteFixture.EditorToken);
                await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
                await page.WaitForURLAsync("**/editor");
                editorCookies = [.. (await page.Context.CookiesAsync()).Select(c => new Cookie
                {
                    Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
                })];
            }
            else
            {
                await page.Context.AddCookiesAsync(editorCookies);
            }
        }
        finally
        {
            SignIn.Release();
        }
    }

    private static async Task AssertNoViolationsAsync(IPage page, string path, int width)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
        });
        await page.Context.CloseAsync();

        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString() ?? n.Html))}").ToList();
        Assert.True(violations.Count == 0, $"{path} at {width}px:\n" + string.Join('\n', violations));
        Assert.True(result.Passes.Length > 10, $"axe checked only {result.Passes.Length} rules on {path}");
    }

    [Fact]
    public async Task EveryPageInTheSitemapIsChecked()
    {
        var sitemap = XDocument.Parse(await site.Http.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var paths = sitemap.Descendants(ns + "loc").Select(loc => new Uri(loc.Value).AbsolutePath).ToList();

        Assert.NotEmpty(paths);
        Assert.All(paths.Where(p => p != SiteFixture.HostilePath), p => Assert.Contains(p, SiteFixture.PublicPages));
    }
}
