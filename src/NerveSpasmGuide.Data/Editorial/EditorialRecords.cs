using Microsoft.AspNetCore.Identity;

namespace NerveSpasmGuide.Data.Editorial;

/// <summary>
/// A person who edits or reviews the guide, entered by the site's operators. The name and credentials are printed
/// under an article the person signed off ("Medically reviewed by ..."), so they must be the person's own.
/// </summary>
public sealed class EditorAccount : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>As the person wants them shown, such as "MD, neurologist"; empty for editors who are not clinicians.</summary>
    public string Credentials { get; set; } = "";
}

/// <summary>The three roles, as Identity role names.</summary>
public static class EditorRoles
{
    public const string Editor = "editor";
    public const string ClinicalReviewer = "clinical-reviewer";
    public const string Administrator = "administrator";

    public static IReadOnlyList<string> All { get; } = [Editor, ClinicalReviewer, Administrator];
}

/// <summary>
/// A clinical reviewer's sign-off of one exact version of an article file. It stays in the store for good; the page
/// shows it only while the file's text still has <see cref="TextHash"/>.
/// </summary>
public sealed class ReviewSignOff
{
    public long Id { get; set; }

    public string ArticleSlug { get; set; } = "";

    /// <summary>SHA-256 of the file's text as the reviewer read it (<see cref="ReviewedText.Hash"/>).</summary>
    public string TextHash { get; set; } = "";

    public string ReviewerId { get; set; } = "";

    /// <summary>The reviewer's name and credentials when they signed, kept even if the account later changes.</summary>
    public string ReviewerName { get; set; } = "";

    public string ReviewerCredentials { get; set; } = "";

    public DateTime SignedOffAtUtc { get; set; }
}

/// <summary>Who looks after an article: the person its reviews are listed under.</summary>
public sealed class ArticleOwner
{
    public string ArticleSlug { get; set; } = "";

    public string OwnerId { get; set; } = "";
}

/// <summary>One line of the editorial audit log: who did what to what, and when.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The account's email, "editor token (session ...)" or "command line".</summary>
    public string Actor { get; set; } = "";

    public AuditAction Action { get; set; }

    /// <summary>What it was done to: an article's slug, an account's email, or empty.</summary>
    public string Subject { get; set; } = "";

    public string Detail { get; set; } = "";
}

public enum AuditAction
{
    SignedIn = 1,
    SignInRefused = 2,
    LockedOut = 3,
    SignedOut = 4,
    AccountCreated = 5,
    SignedOff = 6,
    OwnerSet = 7,
    FeedbackModerated = 8,
}
