using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace NerveSpasmGuide.Web.Hosting;

/// <summary>The "Guide" configuration section.</summary>
public sealed class GuideOptions
{
    public const string Section = "Guide";

    /// <summary>Folder of Markdown articles, sources.yaml and synonyms.yaml. Relative paths start at the working directory.</summary>
    [Required]
    public string ContentPath { get; set; } = "content";

    /// <summary>The derived SQLite store; deleting it loses nothing, it is rebuilt from content.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/guide.db";

    /// <summary>Absolute base URL for links the site prints (canonical links, QR codes); empty means the request's own host.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Readers' feedback: not derived from content, so it is migrated in place and never deleted or rebuilt (back it
    /// up: see the README's Backups). Keep it out of the derived store's versions (<c>guide.*.db</c> beside DatabasePath).
    /// </summary>
    [Required]
    public string FeedbackDatabasePath { get; set; } = "data/feedback.db";

    /// <summary>
    /// Editor accounts, review sign-offs, article owners and the audit log: like the feedback store, migrated in place
    /// and never deleted or rebuilt by an import (back it up: see the README's Backups).
    /// </summary>
    [Required]
    public string EditorialDatabasePath { get; set; } = "data/editorial.db";

    /// <summary>"Was this page helpful?" answers one client may send a minute; more get 429.</summary>
    [Range(1, 10_000)]
    public int FeedbackPerMinute { get; set; } = 10;

    /// <summary>
    /// The shared sign-in token for the editor dashboard, for a site without editor accounts yet: once the first
    /// account exists (<c>create-admin</c>) it no longer signs anyone in. With no token and no account, /editor is a 404.
    /// </summary>
    public string? EditorToken { get; set; }

    /// <summary>Link to an article's file in a web editor, with <c>{path}</c> for the path under content/.</summary>
    public string? EditUrlTemplate { get; set; }

    /// <summary>The most memory the page cache may hold (identity, Brotli and gzip bytes together); older pages are evicted first.</summary>
    [Range(1, 4096)]
    public int PageCacheMegabytes { get; set; } = 64;

    /// <summary>The most rows the search report keeps (searches that found nothing or only a correction); see SearchReportRules for which go first.</summary>
    [Range(1, 1_000_000)]
    public int SearchReportMaxRows { get; set; } = Data.Feedback.SearchReportRules.DefaultMaxRows;

    /// <summary>The name the site shows in its header, page titles and feed.</summary>
    [Required]
    [StringLength(60, MinimumLength = 2)]
    public string SiteName { get; set; } = "Nerve & Spasm Guide";

    /// <summary>Who publishes this copy of the guide, as /about names them; empty means /about says it is not set.</summary>
    [StringLength(200)]
    public string? Publisher { get; set; }

    /// <summary>The editors' email address for /about; empty means none is given.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>A contact page instead of (or as well as) an email address.</summary>
    public string? ContactUrl { get; set; }

    public bool EditorEnabled => !string.IsNullOrWhiteSpace(EditorToken);
}

internal sealed class GuideOptionsValidator : IValidateOptions<GuideOptions>
{
    public ValidateOptionsResult Validate(string? name, GuideOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl) &&
            (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"Guide:PublicBaseUrl '{options.PublicBaseUrl}' must be an absolute http(s) URL such as https://guide.example.org.");
        }

        if (options.EditorEnabled && options.EditorToken!.Length < 16)
        {
            failures.Add("Guide:EditorToken must be at least 16 characters long (or empty to turn the editor dashboard off).");
        }

        if (!string.IsNullOrWhiteSpace(options.EditUrlTemplate) && !options.EditUrlTemplate.Contains("{path}", StringComparison.Ordinal))
        {
            failures.Add("Guide:EditUrlTemplate must contain {path}, e.g. https://git.example.org/guide/edit/main/content/{path}.");
        }

        if (!string.IsNullOrWhiteSpace(options.ContactEmail) &&
            (!System.Net.Mail.MailAddress.TryCreate(options.ContactEmail, out var address) || address.Address != options.ContactEmail.Trim() || !address.Host.Contains('.', StringComparison.Ordinal)))
        {
            failures.Add($"Guide:ContactEmail '{options.ContactEmail}' must be a plain email address such as editors@guide.example.org.");
        }

        if (!string.IsNullOrWhiteSpace(options.ContactUrl) &&
            (!Uri.TryCreate(options.ContactUrl, UriKind.Absolute, out var contact) || (contact.Scheme != Uri.UriSchemeHttps && contact.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"Guide:ContactUrl '{options.ContactUrl}' must be an absolute http(s) URL such as https://guide.example.org/contact.");
        }

        foreach (var (setting, path, example) in new[]
                 {
                     ("FeedbackDatabasePath", options.FeedbackDatabasePath, "data/feedback.db"),
                     ("EditorialDatabasePath", options.EditorialDatabasePath, "data/editorial.db"),
                 })
        {
            if (IsDerivedStoreFile(path, options.DatabasePath))
            {
                failures.Add($"Guide:{setting} '{path}' names a file the import owns (Guide:DatabasePath and its versions are deleted and rebuilt); choose another name, such as {example}.");
            }
        }

        if (string.Equals(Path.GetFullPath(options.FeedbackDatabasePath), Path.GetFullPath(options.EditorialDatabasePath), StringComparison.Ordinal))
        {
            failures.Add($"Guide:FeedbackDatabasePath and Guide:EditorialDatabasePath both name '{options.EditorialDatabasePath}'; each store needs a file of its own.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The import writes <c>guide.db</c>, <c>guide.{version}.db</c>, <c>guide.db.building</c> and <c>guide.db.link</c>, and deletes old versions.</summary>
    private static bool IsDerivedStoreFile(string durablePath, string derivedPath)
    {
        var durable = Path.GetFullPath(durablePath);
        var derived = Path.GetFullPath(derivedPath);
        return string.Equals(Path.GetDirectoryName(durable), Path.GetDirectoryName(derived), StringComparison.Ordinal) &&
               (durable.StartsWith(derived, StringComparison.Ordinal) ||
                Path.GetFileName(durable).StartsWith(Path.GetFileNameWithoutExtension(derived) + ".", StringComparison.Ordinal));
    }
}
