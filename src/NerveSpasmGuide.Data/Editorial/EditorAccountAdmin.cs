using Microsoft.AspNetCore.Identity;

namespace NerveSpasmGuide.Data.Editorial;

/// <summary>A new account as an administrator (or <c>create-admin</c>) enters it: a real person's name and credentials.</summary>
public sealed record NewEditorAccount(string Email, string DisplayName, string Credentials, string Role, string Password);

/// <summary>Creates editor accounts with Identity's password rules, and records who created whom in the audit log.</summary>
public sealed class EditorAccountAdmin(UserManager<EditorAccount> users, RoleManager<IdentityRole> roles, EditorialStore store)
{
    /// <returns>The reasons the account was not created; empty when it was.</returns>
    public async Task<IReadOnlyList<string>> CreateAsync(NewEditorAccount account, string actor, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (!EditorRoles.All.Contains(account.Role))
        {
            problems.Add($"The role must be one of: {string.Join(", ", EditorRoles.All)}.");
        }

        if (string.IsNullOrWhiteSpace(account.DisplayName) || account.DisplayName.Trim().Length > 100)
        {
            problems.Add("Enter the person's name (at most 100 characters), as it should appear on reviewed pages.");
        }

        if (account.Credentials.Trim().Length > 100)
        {
            problems.Add("Credentials are at most 100 characters.");
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        foreach (var role in EditorRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var user = new EditorAccount
        {
            UserName = account.Email.Trim(),
            Email = account.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = account.DisplayName.Trim(),
            Credentials = account.Credentials.Trim(),
        };
        var created = await users.CreateAsync(user, account.Password);
        if (!created.Succeeded)
        {
            return [.. created.Errors.Select(e => e.Description)];
        }

        var inRole = await users.AddToRoleAsync(user, account.Role);
        if (!inRole.Succeeded)
        {
            await users.DeleteAsync(user);
            return [.. inRole.Errors.Select(e => e.Description)];
        }

        await store.AuditAsync(actor, AuditAction.AccountCreated, user.Email, $"role {account.Role}", cancellationToken);
        return [];
    }
}
