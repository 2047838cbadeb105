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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
