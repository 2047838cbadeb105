using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NerveSpasmGuide.BrowserTests.Support;

namespace NerveSpasmGuide.BrowserTests;

[Collection(SharedSite.Name)]
public sealed class FeedbackFormTests(SiteFixture site)
{
    private const string Article = "/causes/sciatica";

    [Theory(Timeout = 120_000)]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task TheFormWorksByKeyboardWithoutJavaScriptAndTheThankYouPagePassesAxe(int width)
    {
        var context = await site.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = 900 },
            BaseURL = site.Server.BaseAddress.ToString(),
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Article);

        await page.Locator("#feedback-comment").FocusAsync();
        await page.Keyboard.TypeAsync("How long does it take to heal?");
        await page.Locator("section.feedback").ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"nsg-feedback-form-{width}.png") });
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("yes", await page.EvaluateAsync<string>("document.activeElement.value"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("no", await page.EvaluateAsync<string>("document.activeElement.value"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/feedback");

        Assert.Equal("Thank you for your answer", await page.Locator("h1").TextContentAsync());
        Assert.Contains("was not helpful", await page.Locator(".lead").TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"nsg-feedback-thanks-{width}.png"), FullPage = true });
        await context.CloseAsync();

        // axe runs as script, so it checks the thank-you page in a page with script on, reached by a plain form submission.
        var checkedPage = await site.NewPageAsync(width);
        await checkedPage.GotoAsync(Article);
        await checkedPage.EvaluateAsync("""
            () => {
              const form = document.querySelector(".feedback-form");
              const helpful = document.createElement("input");
              helpful.type = "hidden"; helpful.name = "helpful"; helpful.value = "yes";
              form.append(helpful);
              form.submit();
            }
            """);
        await checkedPage.WaitForURLAsync("**/feedback");
        Assert.Equal("Thank you for your answer", await checkedPage.Locator("h1").TextContentAsync());
        await AssertNoAxeViolationsAsync(checkedPage, $"thank-you page at {width}px");
        await checkedPage.Context.CloseAsync();
    }

    [Fact(Timeout = 120_000)]
    public async Task WithJavaScriptTheAnswerIsSentInPlace()
    {
        var page = await site.NewPageAsync(375);
        await page.GotoAsync(Article);
        await page.Locator("section.feedback button[value=yes]").ClickAsync();

        await Assertions.Expect(page.Locator(".feedback-status")).ToHaveTextAsync("Thank you for your answer.");
        Assert.EndsWith(Article, page.Url, StringComparison.Ordinal);
        Assert.False(await page.Locator(".feedback-form").IsVisibleAsync());
        await AssertNoAxeViolationsAsync(page, "article after answering in place");
        await page.Context.CloseAsync();
    }

    private static async Task AssertNoAxeViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
        });
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString() ?? n.Html))}").ToList();
        Assert.True(violations.Count == 0, $"{what}:\n" + string.Join('\n', violations));
    }
}
