using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Data.Linking;
using NerveSpasmGuide.Web.Linking;

namespace NerveSpasmGuide.Web.Pages.Handout;

/// <summary>/handout?a=slug,slug: a printable packet of 1 to 10 articles with one merged sources list.</summary>
public sealed class IndexModel(HandoutQueries handouts, TimeProvider clock) : PageModel
{
    public Data.Linking.Handout? Packet { get; private set; }

    public string? Problem { get; private set; }

    public string Path { get; private set; } = "";

    public DateOnly Printed => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var slugs = HandoutQueries.ParseSlugs(Request.Query["a"]);
        if (slugs.Count == 0 || slugs.Count > HandoutQueries.MaxArticles)
        {
            return Reject(slugs.Count == 0
                ? "Choose at least one article for the handout."
                : $"A handout can hold at most {HandoutQueries.MaxArticles} articles; this link names {slugs.Count}.");
        }

        var (packet, unknown) = await handouts.BuildAsync(slugs, cancellationToken);
        if (packet is null)
        {
            return Reject($"These are not articles of this guide: {string.Join(", ", unknown.Take(10).Select(s => s.Length > 60 ? s[..60] + "…" : s))}.");
        }

        Packet = packet;
        Path = SitePaths.HandoutPath(slugs);
        return Page();
    }

    private PageResult Reject(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
