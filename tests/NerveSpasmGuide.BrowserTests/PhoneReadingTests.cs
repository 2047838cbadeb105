using System.Globalization;
using NerveSpasmGuide.BrowserTests.Support;
using Xunit.Abstractions;

namespace NerveSpasmGuide.BrowserTests;

/// <summary>
/// A patient on a 375 × 812 phone: how far down each cause and symptom page says how serious it is and what to do,
/// and how long the page is. The figures are written to the test output so a change can report before and after.
/// </summary>
[Collection(SharedSite.Name)]
public sealed class PhoneReadingTests(SiteFixture site, ITestOutputHelper output)
{
    private const int Width = 375;
    private const int Screen = 812;
    private const double MostScreens = 10;

    public static TheoryData<string> CauseAndSymptomPages => [.. SiteFixture.PublicPages.Where(p => p.StartsWith("/causes/", StringComparison.Ordinal) || p.StartsWith("/symptoms/", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(CauseAndSymptomPages))]
    public async Task WhatToDoNowIsOnTheFirstScreenAndThePageStaysShort(string path)
    {
        var figures = await MeasureAsync(path);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path}: first care level {figures.FirstCareLevel:0} px, first care card {figures.FirstCareCard:0} px, article {figures.ArticleHeight / Screen:0.0} screens, page {figures.PageHeight:0} px = {figures.PageHeight / Screen:0.0} screens ({figures.Parts})"));

        Assert.True(figures.WhatToDoNowBottom is > 0 and <= Screen, $"{path}: the 'What to do now' box ends at {figures.WhatToDoNowBottom:0} px, below the first {Screen} px screen");
        Assert.True(figures.FirstCareLevel < Screen, $"{path}: the first care level is at {figures.FirstCareLevel:0} px");
        Assert.True(figures.ArticleHeight <= MostScreens * Screen, $"{path}: the article is {figures.ArticleHeight / Screen:0.0} screens long with sources folded (at most {MostScreens})");
    }

    private async Task<Figures> MeasureAsync(string path)
    {
        var page = await site.NewPageAsync(Width, Screen);
        await page.GotoAsync(path);

        // Pictures load lazily; load them all, so the heights are those a reader who scrolls down sees.
        await page.EvaluateAsync("Promise.all([...document.images].map(i => { i.loading = 'eager'; return i.decode().catch(() => {}); }))");
        var figures = await page.EvaluateAsync<Figures>("""
            (() => {
                const top = e => e ? e.getBoundingClientRect().top + window.scrollY : -1;
                const box = document.querySelector('.act-now');
                return {
                    firstCareLevel: top(document.querySelector('[data-care-level], aside.care')),
                    firstCareCard: top(document.querySelector('aside.care')),
                    whatToDoNowBottom: box ? box.getBoundingClientRect().bottom + window.scrollY : -1,
                    pageHeight: document.documentElement.scrollHeight,
                    articleHeight: document.querySelector('article').getBoundingClientRect().height,
                    parts: ['.site-header', '.help-strip', '.article-header', '.prose', '.related', '.backlinks', '.sources', '.article-footer', '.share', '.site-footer']
                        .map(s => [s, document.querySelector(s)]).filter(([, e]) => e).map(([s, e]) => s + ' ' + Math.round(e.getBoundingClientRect().height)).join(', '),
                };
            })()
            """);
        await page.Context.CloseAsync();
        return figures;
    }

    private sealed class Figures
    {
        public double FirstCareLevel { get; set; }

        public double FirstCareCard { get; set; }

        public double WhatToDoNowBottom { get; set; }

        public double PageHeight { get; set; }

        public double ArticleHeight { get; set; }

        /// <summary>The height of each part of the page, to show where the length comes from.</summary>
        public string Parts { get; set; } = "";
    }
}
