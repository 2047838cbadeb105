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

    public const string LargePrintValue = "large";

    /// <summary>Body text at 18 pt and wider spacing (<c>?print=large</c>), for readers with low vision.</summary>
    public bool LargePrint { get; private set; }

    public DateOnly Printed => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public const int ClinicMaxLength = 80;

    /// <summary>The clinic that gives the pack (<c>?clinic=</c>), printed on the cover; null when not given.</summary>
    public string? Clinic { get; private set; }

    public const string ShortValue = "short";

    /// <summary>One page per topic (<c>?format=short</c>): the summary and when to get help, for a busy clinic.</summary>
    public bool ShortVersion { get; private set; }

    /// <summary>This handout's address with a print size, a version and its clinic, for the links that switch one of them.</summary>
    public string PathWith(bool largePrint, bool shortVersion) =>
        Path + (largePrint ? "&print=" + LargePrintValue : "") + (shortVersion ? "&format=" + ShortValue : "") +
        (Clinic is null ? "" : "&clinic=" + Uri.EscapeDataString(Clinic));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var slugs = HandoutQueries.ParseSlugs(Request.Query["a"]);
        if (HandoutQueries.CountProblem(slugs) is { } countProblem)
        {
            return Reject(countProblem);
        }

        var print = Request.Query["print"];
        if (print.Count > 1 || (print.Count == 1 && print[0] != LargePrintValue))
        {
            return Reject($"print={LargePrintValue} asks for large print; leave it out for the standard size.");
        }

        LargePrint = print.Count == 1;

        var format = Request.Query["format"];
        if (format.Count > 1 || (format.Count == 1 && format[0] != ShortValue))
        {
            return Reject($"format={ShortValue} asks for the short version; leave it out for the full pages.");
        }

        ShortVersion = format.Count == 1;

        var clinic = Request.Query["clinic"];
        if (clinic.Count > 1 || (clinic.Count == 1 && clinic[0]!.Trim().Length > ClinicMaxLength))
        {
            return Reject($"clinic= names the clinic printed on the cover, once, in at most {ClinicMaxLength} characters.");
        }

        Clinic = clinic.Count == 1 && clinic[0]!.Trim() is { Length: > 0 } name ? name : null;

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
