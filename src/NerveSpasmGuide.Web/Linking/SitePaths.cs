using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Translations;
using NerveSpasmGuide.Data.Linking;

namespace NerveSpasmGuide.Web.Linking;

/// <summary>
/// Decides whether a value names a page of this site (for QR codes): a site-relative path to the home page, an index,
/// the sources page, a published article or a handout of published articles, in English or Spanish. Nothing absolute,
/// external or malformed.
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
        if (segments is ["es", .. var rest])
        {
            return await SpanishAsync(rest, uri.Query, cancellationToken);
        }

        return segments switch
        {
            [] when uri.Query.Length == 0 => "/",
            ["sources"] when uri.Query.Length == 0 => "/sources",
            [var kind] when uri.Query.Length == 0 && ArticleKinds.TryParseFolder(kind, out _) => "/" + kind,
            [var kind, var slug] when uri.Query.Length == 0 && ArticleKinds.TryParseFolder(kind, out var parsed) &&
                                      publications.Exists(parsed, slug) => $"/{kind}/{slug}",
            ["handout"] => await HandoutPathAsync(uri.Query, spanish: false, cancellationToken),
            _ => null,
        };
    }

    /// <summary>The Spanish pages behind <c>/es</c>: the same pages, where a Spanish version exists.</summary>
    private async Task<string?> SpanishAsync(string[] segments, string query, CancellationToken cancellationToken) => segments switch
    {
        [] when query.Length == 0 => SpanishPaths.Prefix,
        ["sources"] when query.Length == 0 => SpanishPaths.Prefix + "/sources",
        [var kind] when query.Length == 0 && ArticleKinds.TryParseFolder(kind, out var parsed) => SpanishPaths.Kind(parsed),
        [var kind, var slug] when query.Length == 0 && ArticleKinds.TryParseFolder(kind, out var parsed) &&
                                  handouts.UnknownSlugs([slug], spanish: true).Count == 0 && publications.Exists(parsed, slug) => SpanishPaths.Article(parsed, slug),
        ["handout"] => await HandoutPathAsync(query, spanish: true, cancellationToken),
        _ => null,
    };

    private async Task<string?> HandoutPathAsync(string query, bool spanish, CancellationToken cancellationToken)
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

        return handouts.UnknownSlugs(slugs, spanish).Count == 0 ? HandoutPath(slugs, spanish) : null;
    }

    /// <param name="spanish">The Spanish handout (<c>/es/handout</c>) of the same pages.</param>
    public static string HandoutPath(IEnumerable<string> slugs, bool spanish = false) =>
        (spanish ? SpanishPaths.Prefix : "") + "/handout?a=" + string.Join(',', slugs.Select(Uri.EscapeDataString));
}
