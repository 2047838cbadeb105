using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NerveSpasmGuide.Data.Editorial;
using NerveSpasmGuide.Data.Import;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Web.Editing;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Pages.Editor;

public sealed class IndexModel(EditorQueries queries, RequestSite site, IOptions<GuideOptions> options, TimeProvider clock, EditorialStore editorial) : PageModel
{
    public EditorOverview Overview { get; private set; } = new([], [], []);

    public ImportSummary LastImport => site.Site.Summary;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public string? EditUrl(string sourcePath) =>
        options.Value.EditUrlTemplate?.Replace("{path}", Uri.EscapeDataString(sourcePath).Replace("%2F", "/", StringComparison.Ordinal), StringComparison.Ordinal);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Overview = await queries.OverviewAsync(cancellationToken);

    public async Task<IActionResult> OnPostSignOutAsync(CancellationToken cancellationToken)
    {
        await editorial.AuditAsync(EditorAccess.Who(User), AuditAction.SignedOut, "", "", cancellationToken);
        await HttpContext.SignOutAsync(EditorAccess.Scheme);
        return LocalRedirect("/");
    }
}
