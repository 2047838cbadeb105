using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using NerveSpasmGuide.Data.Editorial;

namespace NerveSpasmGuide.Web.Editing;

public enum OwnerResult
{
    Set,
    NoSuchArticle,
    NoSuchAccount,
}

/// <summary>Gives an article an owner (any signed-in editor may), so its reviews are listed under that person.</summary>
public sealed class ArticleOwners(UserManager<EditorAccount> users, EditorialQueries queries, EditorialStore store)
{
    /// <param name="ownerId">An account's id, or empty to leave the article without an owner.</param>
    public async Task<OwnerResult> SetAsync(ClaimsPrincipal user, string slug, string? ownerId, CancellationToken cancellationToken)
    {
        if (await queries.CurrentTextAsync(slug, cancellationToken) is null)
        {
            return OwnerResult.NoSuchArticle;
        }

        EditorAccount? owner = null;
        if (!string.IsNullOrEmpty(ownerId) && (owner = await users.FindByIdAsync(ownerId)) is null)
        {
            return OwnerResult.NoSuchAccount;
        }

        await store.SetOwnerAsync(slug, owner, EditorAccess.Who(user), cancellationToken);
        return OwnerResult.Set;
    }
}
