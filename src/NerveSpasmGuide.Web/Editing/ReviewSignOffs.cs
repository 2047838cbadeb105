using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using NerveSpasmGuide.Data.Editorial;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Web.Performance;

namespace NerveSpasmGuide.Web.Editing;

public enum SignOffResult
{
    SignedOff,

    /// <summary>The session is not a clinical reviewer's account.</summary>
    NotAReviewer,

    /// <summary>No article of that slug is in the published store.</summary>
    NoSuchArticle,

    /// <summary>The file changed after the reviewer opened it: they have not read the text there is now.</summary>
    TextChanged,
}

/// <summary>
/// A clinical reviewer signs off the exact text they read: the preview carries the hash of the file it showed, and the
/// sign-off is refused if the file has changed since. The article page then shows the review until the next edit.
/// </summary>
public sealed class ReviewSignOffs(
    IAuthorizationService authorization, UserManager<EditorAccount> users, EditorialQueries queries, EditorialStore store, PageCache pages)
{
    public async Task<SignOffResult> SignOffAsync(ClaimsPrincipal user, string slug, string textHash, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(user, EditorAccess.SignOffPolicy)).Succeeded || await users.GetUserAsync(user) is not { } reviewer)
        {
            return SignOffResult.NotAReviewer;
        }

        if (await queries.CurrentTextAsync(slug, cancellationToken) is not { } current)
        {
            return SignOffResult.NoSuchArticle;
        }

        if (!string.Equals(current.TextHash, textHash, StringComparison.Ordinal))
        {
            return SignOffResult.TextChanged;
        }

        await store.SignOffAsync(slug, textHash, reviewer, cancellationToken);
        pages.Forget(current.Kind.UrlPath(slug));
        return SignOffResult.SignedOff;
    }
}
