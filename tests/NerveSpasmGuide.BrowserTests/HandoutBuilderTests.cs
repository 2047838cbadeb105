using Microsoft.Playwright;
using NerveSpasmGuide.BrowserTests.Support;

namespace NerveSpasmGuide.BrowserTests;

/// <summary>The handout builder as a nurse uses it between patients: by keyboard, without the page reloading.</summary>
[Collection(SharedSite.Name)]
public sealed class HandoutBuilderTests(SiteFixture site)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task MovingAPageByKeyboardReordersTheHandoutWithoutReloadingAndKeepsFocus(int width)
    {
        var page = await site.NewPageAsync(width);
        await page.GotoAsync("/handout/new?a=sciatica,nsaids,heat-and-ice");
        await page.EvaluateAsync("window.notReloaded = true");

        await page.Locator("a[aria-label='Move Sciatica down']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".chosen li:first-child .chosen-title", new() { HasText = "NSAIDs" }).WaitForAsync();

        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"), "the page reloaded");
        Assert.Equal(["NSAIDs (nonsteroidal anti-inflammatory drugs)", "Sciatica", "Heat and ice"], await page.Locator(".chosen-title").AllTextContentsAsync());
        Assert.EndsWith("/handout/new?a=nsaids,sciatica,heat-and-ice", page.Url, StringComparison.Ordinal);
        Assert.Equal("/handout?a=nsaids,sciatica,heat-and-ice", await page.Locator(".handout-builder a.button-link").GetAttributeAsync("href"));
        Assert.Equal("Move Sciatica down", await page.EvaluateAsync<string>("document.activeElement.getAttribute('aria-label')"));
        Assert.Equal("Sciatica is now number 2 of 3.", await page.Locator("#builder-status").TextContentAsync());

        // Down again takes it to the end, where there is no Down: focus stays with Sciatica's remaining control.
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".chosen li:nth-child(3) .chosen-title", new() { HasText = "Sciatica" }).WaitForAsync();
        Assert.Equal("Move Sciatica up", await page.EvaluateAsync<string>("document.activeElement.getAttribute('aria-label')"));

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Remove Sciatica", await page.EvaluateAsync<string>("document.activeElement.getAttribute('aria-label')"));
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".chosen li:nth-child(3)").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal("Sciatica was removed.", await page.Locator("#builder-status").TextContentAsync());
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"), "the page reloaded");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WithoutJavaScriptTheSameLinksReloadThePageInTheNewOrder()
    {
        var context = await site.Browser.NewContextAsync(new() { JavaScriptEnabled = false, BaseURL = site.Server.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/handout/new?a=sciatica,nsaids");

        await page.Locator("a[aria-label='Move Sciatica down']").ClickAsync();
        await page.WaitForURLAsync("**/handout/new?a=nsaids,sciatica");

        Assert.Equal(["NSAIDs (nonsteroidal anti-inflammatory drugs)", "Sciatica"], await page.Locator(".chosen-title").AllTextContentsAsync());
        await context.CloseAsync();
    }
}
