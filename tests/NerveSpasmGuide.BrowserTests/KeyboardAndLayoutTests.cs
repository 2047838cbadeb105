using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NerveSpasmGuide.BrowserTests.Support;

namespace NerveSpasmGuide.BrowserTests;

[Collection(SharedSite.Name)]
public sealed partial class KeyboardAndLayoutTests(SiteFixture site)
{
    public static TheoryData<string> Pages => [.. SiteFixture.PublicPages];

    [Fact]
    public async Task SkipLinkIsTheFirstTabStopAndReachesTheMainContent()
    {
        var page = await site.NewPageAsync(1280);
        await page.GotoAsync("/causes/sciatica");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        Assert.True(await page.Locator("a.skip-link").IsVisibleAsync());
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/causes/sciatica")]
    [InlineData("/handout/new?a=sciatica,physical-therapy")]
    public async Task EveryInteractiveElementIsReachableByTabWithAVisibleFocusRing(string path)
    {
        var page = await site.NewPageAsync(1280);
        await page.GotoAsync(path);
        var interactive = await page.EvaluateAsync<int>(
            "[...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex=\"-1\"])')].filter(e => !e.hidden && e.offsetParent !== null && !e.disabled).length");

        var seen = new HashSet<string>();
        for (var i = 0; i < interactive + 5; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<FocusInfo>("""
                (() => {
                    const e = document.activeElement;
                    const s = getComputedStyle(e);
                    const ringVisible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
                    return { key: e.outerHTML.slice(0, 120) + '#' + [...document.querySelectorAll('*')].indexOf(e), ringVisible, tag: e.tagName };
                })()
                """);
            if (focus.Tag == "BODY")
            {
                break;
            }

            Assert.True(focus.RingVisible, $"{path}: no visible focus ring on {focus.Key}");
            seen.Add(focus.Key);
        }

        Assert.True(seen.Count >= interactive, $"{path}: {seen.Count} of {interactive} interactive elements were reached by Tab");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SearchWorksByTypingAndEnter()
    {
        var page = await site.NewPageAsync(375);
        await page.GotoAsync("/");
        await page.FocusAsync("#home-search-q");
        await page.Keyboard.TypeAsync("pinched nerve");

        await page.Keyboard.PressAsync("Enter");

        // Poll the URL rather than WaitForURL: that checks the URL and only then listens, so it can miss a navigation
        // that commits in between (it timed out that way once in CI under load).
        await Assertions.Expect(page).ToHaveURLAsync(SearchUrl());
        Assert.Equal("/causes/radiculopathy", await page.Locator(".results > li > a").First.GetAttributeAsync("href"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnAPhoneTheSectionsFoldIntoAMenuThatOpensByKeyboard()
    {
        var page = await site.NewPageAsync(375);
        await page.GotoAsync("/causes/sciatica");
        var treatments = page.Locator(".site-menu a[href='/treatments']");

        Assert.False(await page.Locator(".site-nav").IsVisibleAsync());
        Assert.False(await treatments.IsVisibleAsync());
        var mainTop = await page.EvaluateAsync<double>("document.querySelector('main').getBoundingClientRect().top");
        Assert.True(mainTop < 300, $"the header and emergency strip take {mainTop}px before the content on a phone");

        await page.FocusAsync(".site-menu summary");
        await page.Keyboard.PressAsync("Enter");

        Assert.True(await treatments.IsVisibleAsync());
        Assert.Equal("page", await page.Locator(".site-menu a[href='/causes']").GetAttributeAsync("aria-current"));
        Assert.Null(await treatments.GetAttributeAsync("aria-current"));
        await page.Context.CloseAsync();
    }

    /// <summary>One search box on a phone: pages with their own drop the header's, every other page keeps it.</summary>
    [Theory]
    [InlineData("/", "#home-search-q")]
    [InlineData("/search?q=sciatica", "#search-page-q")]
    [InlineData("/no-such-page", "#status-search-q")]
    [InlineData("/causes/sciatica", "#site-search-q")]
    [InlineData("/sources", "#site-search-q")]
    public async Task OnAPhoneEachPageShowsExactlyOneSearchBox(string path, string visibleBox)
    {
        var page = await site.NewPageAsync(375);
        await page.GotoAsync(path);
        var visible = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('input[type=search]')].filter(e => e.offsetParent !== null).map(e => '#' + e.id)");
        await page.Context.CloseAsync();

        Assert.Equal([visibleBox], visible);
    }

    [Fact]
    public async Task OnADesktopTheSectionsShowInTheBarWithoutAMenuButton()
    {
        var page = await site.NewPageAsync(1280);
        await page.GotoAsync("/treatments");

        Assert.True(await page.Locator(".site-nav a[href='/treatments']").IsVisibleAsync());
        Assert.False(await page.Locator(".site-menu").IsVisibleAsync());
        Assert.Equal("page", await page.Locator(".site-nav a[href='/treatments']").GetAttributeAsync("aria-current"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/causes/sciatica")]
    [InlineData("/handout?a=sciatica,physical-therapy")]
    public async Task PrintHidesNavigationAndKeepsSources(string path)
    {
        var page = await site.NewPageAsync(800);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.GotoAsync(path);

        Assert.False(await page.Locator(".site-nav").IsVisibleAsync());
        Assert.False(await page.Locator(".site-menu").IsVisibleAsync());
        Assert.False(await page.Locator(".site-search").IsVisibleAsync());
        Assert.True(await page.Locator(".sources").IsVisibleAsync());
        Assert.True(await page.Locator(".sources li").First.IsVisibleAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task NoHorizontalScrollingOnAPhone(string path)
    {
        var page = await site.NewPageAsync(375);
        await page.GotoAsync(path);
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        await page.Context.CloseAsync();

        Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at 375px");
    }

    /// <summary>200% browser zoom on a 1280 px window lays the page out in 640 CSS pixels at twice the density.</summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/causes/sciatica")]
    [InlineData("/search?q=sciatica")]
    [InlineData("/handout/new?a=sciatica")]
    public async Task TextZoomedTo200PercentLosesNothing(string path)
    {
        var page = await site.NewPageAsync(640, 450, 2);
        await page.GotoAsync(path);
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var clipped = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('main p, main li, main h1, main h2, main a')]
                .filter(e => e.offsetParent !== null && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 40))
            """);
        await page.Context.CloseAsync();

        Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at 200% zoom");
        Assert.True(clipped.Length == 0, $"{path} at 200% zoom: {string.Join("; ", clipped)}");
    }

    private sealed class FocusInfo
    {
        public string Key { get; set; } = "";

        public bool RingVisible { get; set; }

        public string Tag { get; set; } = "";
    }

    [GeneratedRegex(@"/search\?q=pinched\+nerve$")]
    private static partial Regex SearchUrl();
}
