using Microsoft.Playwright;
using NerveSpasmGuide.BrowserTests.Support;

namespace NerveSpasmGuide.BrowserTests;

[Collection(SharedSite.Name)]
public sealed class ContentSafetyTests(SiteFixture site)
{
    [Fact]
    public async Task HostileArticleRendersAsInertTextInARealBrowser()
    {
        var page = await site.NewPageAsync(1280);
        var dialogs = new List<string>();
        var consoleErrors = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => consoleErrors.Add(error);

        var response = await page.GotoAsync(SiteFixture.HostilePath);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        foreach (var element in await page.Locator(".prose *, h1, .also-called").AllAsync())
        {
            await element.HoverAsync(new() { Force = true, Timeout = 2000 });
        }

        Assert.Equal(200, response!.Status);
        Assert.Empty(dialogs);
        Assert.Empty(consoleErrors);
        Assert.Contains("<img src=x onerror=alert('title')>", await page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("<script>alert('inline')</script>", await page.Locator(".prose").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".prose script, .prose img, .prose iframe, [onerror], [onmouseover]").CountAsync());
        var hrefs = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))");
        Assert.DoesNotContain(hrefs, h => h.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || h.StartsWith("data:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("https://example.org/", hrefs);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PagesLoadWithoutConsoleErrorsUnderTheContentSecurityPolicy()
    {
        foreach (var path in (string[])["/", "/causes/sciatica", "/handout/new?a=sciatica", "/search?q=nerve"])
        {
            var page = await site.NewPageAsync(1280);
            var errors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add(message.Text);
                }
            };
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.Context.CloseAsync();
            Assert.True(errors.Count == 0, $"{path}: {string.Join("; ", errors)}");
        }
    }
}
