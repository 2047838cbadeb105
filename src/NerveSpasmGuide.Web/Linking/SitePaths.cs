using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Linking;

namespace NerveSpasmGuide.Web.Linking;

/// <summary>
/// Decides whether a value names a page of this site (for QR codes): a site-relative path to the home page, an index,
/// the sources page, a published article or a handout of published articles. Nothing absolute, external or malformed.
/// </summary>
public sealed class SitePaths(PublicationQueries publications, HandoutQueries handouts)
{
    public const int MaxLength = 1024;

    public async Task<string?> NormalizeAsync(string? value, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value[0] != '/' || value.StartsWith("//", StringComparison.Ordinal) ||
            value.Any(c => char.IsControl(c) || c == '\\' || char.IsWhiteSpace(c)) || value.Contains("/.", StringComparison.Ordinal) ||
            !Uri.TryCreate("http://site.invalid" + value, UriKind.Absolute, out var uri) || uri.Host != "site.invalid")
        {
            return null;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            [] when uri.Query.Length == 0 => "/",
            ["sources"] when uri.Query.Length == 0 => "/sources",
            [var kind] when uri.Query.Length == 0 && ArticleKinds.TryParseFolder(kind, out _) => "/" + kind,
            [var kind, var slug] when uri.Query.Length == 0 && ArticleKinds.TryParseFolder(kind, out var parsed) &&
                                      publications.Exists(parsed, slug) => $"/{kind}/{slug}",
            ["handout"] => await HandoutPathAsync(uri.Query, cancellationToken),
            _ => null,
        };
    }

    private async Task<string?> HandoutPathAsync(string query, CancellationToken cancellationToken)
    {
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        if (values.Count != 1 || !values.TryGetValue("a", out var a))
        {
            return null;
        }

        var slugs = HandoutQueries.ParseSlugs(a);
        if (slugs.Count is 0 or > HandoutQueries.MaxArticles)
        {
            return null;
        }

        return handouts.UnknownSlugs(slugs).Count == 0 ? HandoutPath(slugs) : null;
    }

    public static string HandoutPath(IEnumerable<string> slugs) => "/handout?a=" + string.Join(',', slugs.Select(Uri.EscapeDataString));
}
