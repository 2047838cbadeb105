using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NerveSpasmGuide.Data.Linking;
using NerveSpasmGuide.Web.Hosting;
using NerveSpasmGuide.Web.Linking;

namespace NerveSpasmGuide.Web.Pages.Handout;

/// <summary>
/// /handout?a=slug,slug: a printable packet of 1 to 10 articles with one merged sources list; /es/handout prints the
/// Spanish pages, with their care cards and the cover's emergency signs in Spanish.
/// </summary>
public sealed class IndexModel(HandoutQueries handouts, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    public Data.Linking.Handout? Packet { get; private set; }

    public string? Problem { get; private set; }

    public string Path { get; private set; } = "";

    /// <summary>The same handout in the other language, for the language switch; null when a page has no Spanish version.</summary>
    public string? OtherLanguagePath { get; private set; }

    /// <summary>For a Spanish handout: the English handout of the same pages (the note for the record names both).</summary>
    public bool Spanish { get; private set; }

    /// <summary>The English page of each Spanish page, for the note for the record; null on an English handout.</summary>
    public IReadOnlyDictionary<string, Data.Queries.ArticleCard>? EnglishTitles => Spanish ? handouts.EnglishCards : null;

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
        Spanish = GuideLanguages.IsSpanish(HttpContext);
        var slugs = HandoutQueries.ParseSlugs(Request.Query["a"]);
        if (slugs.Count == 0)
        {
            return Reject(T["Choose at least one article for the handout."]);
        }

        if (slugs.Count > HandoutQueries.MaxArticles)
        {
            return Reject(T["A handout can hold at most {0} articles; this link names {1}.", HandoutQueries.MaxArticles, slugs.Count]);
        }

        var print = Request.Query["print"];
        if (print.Count > 1 || (print.Count == 1 && print[0] != LargePrintValue))
        {
            return Reject(T["print={0} asks for large print; leave it out for the standard size.", LargePrintValue]);
        }

        LargePrint = print.Count == 1;

        var format = Request.Query["format"];
        if (format.Count > 1 || (format.Count == 1 && format[0] != ShortValue))
        {
            return Reject(T["format={0} asks for the short version; leave it out for the full pages.", ShortValue]);
        }

        ShortVersion = format.Count == 1;

        var clinic = Request.Query["clinic"];
        if (clinic.Count > 1 || (clinic.Count == 1 && clinic[0]!.Trim().Length > ClinicMaxLength))
        {
            return Reject(T["clinic= names the clinic printed on the cover, once, in at most {0} characters.", ClinicMaxLength]);
        }

        Clinic = clinic.Count == 1 && clinic[0]!.Trim() is { Length: > 0 } name ? name : null;

        var (packet, unknown) = await handouts.BuildAsync(slugs, Spanish, cancellationToken);
        if (packet is null)
        {
            var named = string.Join(", ", unknown.Take(10).Select(s => s.Length > 60 ? s[..60] + "…" : s));
            return Reject(T["These are not articles of this guide: {0}.", named]);
        }

        Packet = packet;
        Path = SitePaths.HandoutPath(slugs, Spanish);
        OtherLanguagePath = Spanish || handouts.UnknownSlugs(slugs, spanish: true).Count == 0 ? SitePaths.HandoutPath(slugs, !Spanish) : null;
        return Page();
    }

    private PageResult Reject(LocalizedString problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
