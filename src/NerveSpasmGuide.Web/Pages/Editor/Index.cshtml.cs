using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Data.Editorial;
using NerveSpasmGuide.Data.Import;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Web.Editing;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Pages.Editor;

public sealed class IndexModel(EditorDashboard dashboard, RequestSite site, IOptions<GuideOptions> options, TimeProvider clock, EditorialStore editorial) : PageModel
{
    public DashboardView View { get; private set; } = new(new([], [], []), new Dictionary<string, ArticleReview>(), new Dictionary<string, NerveSpasmGuide.Data.Feedback.ArticleFeedback>());

    public EditorOverview Overview => View.Overview;

    public ImportSummary LastImport => site.Site.Summary;

    /// <summary>The last import's problems by the file to fix, a left-out page heading the problems it causes elsewhere.</summary>
    public IReadOnlyList<ProblemGroup> Groups => field ??= ProblemGroups.Of(LastImport.Problems, LastImport.KeptPreviousVersions, LastImport.LeftOut);

    /// <summary>Whether an article file's current text, its last good version or nothing of it is published.</summary>
    public FileOutcome OutcomeOf(string sourcePath) =>
        LastImport.LeftOut.Contains(sourcePath) ? FileOutcome.LeftOut
        : LastImport.KeptPreviousVersions.Contains(sourcePath) ? FileOutcome.KeptLastGoodVersion
        : FileOutcome.Live;

    public static string Describe(FileOutcome outcome) => outcome switch
    {
        FileOutcome.Live => "live",
        FileOutcome.KeptLastGoodVersion => "last good version",
        FileOutcome.LeftOut => "left out",
        _ => "",
    };

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public string? EditUrl(string sourcePath) =>
        options.Value.EditUrlTemplate?.Replace("{path}", Uri.EscapeDataString(sourcePath).Replace("%2F", "/", StringComparison.Ordinal), StringComparison.Ordinal);

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await dashboard.ViewAsync(cancellationToken);

    public async Task<IActionResult> OnPostSignOutAsync(CancellationToken cancellationToken)
    {
        await editorial.AuditAsync(EditorAccess.Who(User), AuditAction.SignedOut, "", "", cancellationToken);
        await HttpContext.SignOutAsync(EditorAccess.Scheme);
        return LocalRedirect("/");
    }
}
