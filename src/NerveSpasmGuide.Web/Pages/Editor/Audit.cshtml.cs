using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Data.Editorial;

namespace NerveSpasmGuide.Web.Pages.Editor;

/// <summary>The latest lines of the editorial audit log: sign-ins, sign-offs, owners, accounts and moderation.</summary>
public sealed class AuditModel(EditorialQueries queries) : PageModel
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Entries = await queries.RecentAuditAsync(cancellationToken);
}
