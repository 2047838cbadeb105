using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NerveSpasmGuide.Data.Feedback;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Web.Feedback;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Pages.Editor;

/// <summary>Searches that found nothing or only a spelling correction, the most searched first, and the CSV export.</summary>
public sealed class SearchesModel(FeedbackReports reports, RequestSite site, IOptions<GuideOptions> options) : PageModel
{
    public IReadOnlyList<SearchReportRow> Rows { get; private set; } = [];

    public int MaxRows => options.Value.SearchReportMaxRows;

    /// <summary>A line of the live synonyms.yaml, to show the shape an editor adds.</summary>
    public string Example => site.Directory.Synonyms is [var synonym, ..] ? SynonymLine(synonym.Term, synonym.Slugs) : SynonymLine("sciatic pain", ["sciatica"]);

    /// <summary>A line of content/synonyms.yaml: the words, then the pages' slugs in brackets, most useful first.</summary>
    public static string SynonymLine(string words, IEnumerable<string> slugs) => $"{words}: [{string.Join(", ", slugs)}]";

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await reports.SearchesAsync(cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var csv = SearchReportCsv.Write(await reports.SearchesAsync(cancellationToken));
        Response.Headers.CacheControl = "no-store";
        return File(csv, "text/csv; charset=utf-8", "searches.csv");
    }
}
