using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NerveSpasmGuide.BrowserTests.Support;

namespace NerveSpasmGuide.BrowserTests;

/// <summary>The search boxes' suggestion list: a combobox by keyboard and screen reader, and plain search without script.</summary>
[Collection(SharedSite.Name)]
public sealed class SearchSuggestionTests(SiteFixture site)
{
    [Theory]
    [InlineData("/", "#home-search-q")]
    [InlineData("/search", "#search-page-q")]
    [InlineData("/causes", "#site-search-q")]
    public async Task ArrowDownAndEnterOpenTheChosenSuggestion(string path, string box)
    {
        var page = await site.NewPageAsync(path == "/causes" ? 1280 : 375);
        await page.GotoAsync(path);
        var input = page.Locator(box);
        await input.FocusAsync();
        await page.Keyboard.TypeAsync("sciat");
        var list = page.Locator($"#{(await input.GetAttributeAsync("aria-controls"))!}");
        await list.WaitForAsync(new() { State = WaitForSelectorState.Visible });

        Assert.Equal("combobox", await input.GetAttributeAsync("role"));
        Assert.Equal("true", await input.GetAttributeAsync("aria-expanded"));
        Assert.Contains(" suggestions.", await StatusTextAsync(page), StringComparison.Ordinal);

        await page.Keyboard.PressAsync("ArrowDown");
        var first = list.Locator("[role=option]").First;
        Assert.Equal(await first.GetAttributeAsync("id"), await input.GetAttributeAsync("aria-activedescendant"));
        Assert.Equal("true", await first.GetAttributeAsync("aria-selected"));
        Assert.Equal("Sciatica", await first.TextContentAsync());

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/causes/sciatica");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ASpanishBoxSuggestsSpanishPagesInSpanishWordsWithOrWithoutAccents()
    {
        var page = await site.NewPageAsync(375);
        await page.GotoAsync("/es");
        var input = page.Locator("#home-search-q");
        await input.FocusAsync();
        await page.Keyboard.TypeAsync("ciatic");
        var list = page.Locator("#home-search-q-suggestions");
        await list.WaitForAsync(new() { State = WaitForSelectorState.Visible });

        Assert.Equal("Sugerencias", await list.GetAttributeAsync("aria-label"));
        Assert.Contains(" sugerencias. Use las flechas", await StatusTextAsync(page), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("Ciática", await list.Locator("[role=option]").First.TextContentAsync());

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/es/causes/sciatica");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EscapeClosesTheListAndEnterThenSearchesForWhatWasTyped()
    {
        var page = await site.NewPageAsync(375);
        await page.GotoAsync("/search");
        var input = page.Locator("#search-page-q");
        await input.FocusAsync();
        await page.Keyboard.TypeAsync("lyrca");
        await page.Locator("#search-page-q-suggestions").WaitForAsync(new() { State = WaitForSelectorState.Visible });

        Assert.Equal("lyrica", await page.Locator("#search-page-q-suggestions [role=option]").First.TextContentAsync());
        await page.Keyboard.PressAsync("Escape");
        Assert.Equal("false", await input.GetAttributeAsync("aria-expanded"));
        Assert.False(await page.Locator("#search-page-q-suggestions").IsVisibleAsync());

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=lyrca");
        Assert.Contains("Showing results for", await page.Locator(".spelling").TextContentAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/", "#home-search-q", 375, "numb")]
    [InlineData("/search?q=sciatica", "#search-page-q", 375, "numb")]
    [InlineData("/causes", "#site-search-q", 1280, "numb")]
    [InlineData("/es", "#home-search-q", 375, "hormig")]
    [InlineData("/es/causes", "#site-search-q", 1280, "hormig")]
    public async Task NoAccessibilityViolationsWithTheListOpen(string path, string box, int width, string typed)
    {
        var page = await site.NewPageAsync(width);
        await page.GotoAsync(path);
        await page.Locator(box).FillAsync("");
        await page.Locator(box).FocusAsync();
        await page.Keyboard.TypeAsync(typed);
        await page.Locator($"{box}-suggestions").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.Keyboard.PressAsync("ArrowDown");
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
        });
        await page.Context.CloseAsync();

        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [Fact]
    public async Task WithoutJavaScriptTheBoxSearchesAsBefore()
    {
        var context = await site.Browser.NewContextAsync(new()
        {
            JavaScriptEnabled = false, ViewportSize = new() { Width = 375, Height = 812 }, BaseURL = site.Server.BaseAddress.ToString(),
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var input = page.Locator("#home-search-q");

        Assert.Null(await input.GetAttributeAsync("role"));
        await input.FillAsync("sciatca");
        await input.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=sciatca");
        Assert.Equal("Sciatica", await page.Locator(".results > li > a").First.TextContentAsync());
        Assert.Equal(0, await page.Locator("[role=listbox]").CountAsync());
        await context.CloseAsync();
    }

    private static async Task<string> StatusTextAsync(IPage page) =>
        string.Concat(await page.Locator("form[role=search] [role=status]").AllTextContentsAsync());
}
