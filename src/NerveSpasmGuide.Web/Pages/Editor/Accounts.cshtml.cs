using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Data.Editorial;
using NerveSpasmGuide.Web.Editing;

namespace NerveSpasmGuide.Web.Pages.Editor;

/// <summary>Administrators list the editor accounts and add people: each signs in as themselves.</summary>
public sealed class AccountsModel(EditorialQueries queries, EditorAccountAdmin admin) : PageModel
{
    public IReadOnlyList<EditorSummary> Accounts { get; private set; } = [];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Credentials { get; set; }

    [BindProperty]
    public string Role { get; set; } = EditorRoles.Editor;

    [BindProperty]
    public string? Password { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Accounts = await queries.AccountsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Problems = await admin.CreateAsync(new NewEditorAccount(Email ?? "", DisplayName ?? "", Credentials ?? "", Role, Password ?? ""), EditorAccess.Who(User), cancellationToken);
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            Created = Email!.Trim();
            Email = DisplayName = Credentials = null;
        }

        Password = null;
        Accounts = await queries.AccountsAsync(cancellationToken);
        return Page();
    }
}
