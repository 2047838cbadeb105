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

    /// <summary>The editor dashboard's sign-in token; when empty, /editor does not exist (404).</summary>
    public string? EditorToken { get; set; }

    /// <summary>Link to an article's file in a web editor, with <c>{path}</c> for the path under content/.</summary>
    public string? EditUrlTemplate { get; set; }

    /// <summary>The most memory the page cache may hold (identity, Brotli and gzip bytes together); older pages are evicted first.</summary>
    [Range(1, 4096)]
    public int PageCacheMegabytes { get; set; } = 64;

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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
