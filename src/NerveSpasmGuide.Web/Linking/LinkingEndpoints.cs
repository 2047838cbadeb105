using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Translations;
using NerveSpasmGuide.Data.Linking;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Web.Hosting;
using NerveSpasmGuide.Web.Linking.CdsHooks;
using NerveSpasmGuide.Web.Linking.Connect;
using NerveSpasmGuide.Web.Performance;

namespace NerveSpasmGuide.Web.Linking;

/// <summary>
/// What other systems use: code links for EHRs, QR codes, the JSON API, sitemap, feed and robots.txt. The API,
/// sitemap, feed and robots.txt are answered through the page cache, which adds their ETags and 304s.
/// </summary>
public static class LinkingEndpoints
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static IServiceCollection AddGuideLinking(this IServiceCollection services) => services
        .AddSingleton<SiteUrls>()
        .AddScoped<SitePaths>()
        .AddScoped<CodeLookup>()
        .AddScoped<HandoutQueries>()
        .AddScoped<PublicationQueries>()
        .AddGuideConnect()
        .AddGuideCdsHooks();

    public static IEndpointRouteBuilder MapGuideLinking(this IEndpointRouteBuilder app)
    {
        app.MapGet("/qr.svg", (HttpContext context, string? path, SitePaths paths, SiteUrls urls, CancellationToken cancellationToken) =>
            QrAsync(context, path, paths, urls, url => Encoding.UTF8.GetBytes(QrCodes.Svg(url)), "image/svg+xml", cancellationToken));
        app.MapGet("/qr.png", (HttpContext context, string? path, SitePaths paths, SiteUrls urls, CancellationToken cancellationToken) =>
            QrAsync(context, path, paths, urls, QrCodes.Png, "image/png", cancellationToken));
        app.MapGuideConnect();
        app.MapGuideCdsHooks();
        app.MapGet("/handout/note", HandoutNoteAsync);
        app.MapGet(SpanishPaths.Prefix + "/handout/note", HandoutNoteAsync);
        app.MapGet("/api/articles", ApiListAsync);
        app.MapGet("/api/articles/{slug}", ApiArticleAsync);
        app.MapGet("/sitemap.xml", SitemapAsync);
        app.MapGet("/feed.xml", FeedAsync);
        app.MapGet("/media/{name}", MediaAsync);
        app.MapGet(SpanishPaths.Prefix + "/media/{name}", MediaAsync);
        app.MapGet("/robots.txt", (HttpContext context, SiteUrls urls) =>
            Results.Text($"User-agent: *\nAllow: /\nDisallow: /search\nDisallow: /handout\nDisallow: /es/search\nDisallow: /es/handout\nDisallow: /qr.svg\nDisallow: /qr.png\n\nSitemap: {urls.Absolute(context.Request, "/sitemap.xml")}\n", "text/plain"));
        return app;
    }

    private static async Task<IResult> QrAsync(HttpContext context, string? path, SitePaths paths, SiteUrls urls, Func<string, byte[]> draw, string contentType,
        CancellationToken cancellationToken)
    {
        var page = await paths.NormalizeAsync(path, cancellationToken);
        if (page is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a page of this site",
                detail: "path must be a site-relative path to an existing page, such as /causes/sciatica.");
        }

        return HttpCaching.Cached(context, draw(urls.Absolute(context.Request, page)), contentType, TimeSpan.FromHours(1));
    }

    /// <summary>The handout's note for the record, as plain text to paste into a health record.</summary>
    private static async Task<IResult> HandoutNoteAsync(HttpContext context, HandoutQueries handouts, SiteUrls urls, TimeProvider clock, IOptions<GuideOptions> guide, CancellationToken cancellationToken)
    {
        var slugs = HandoutQueries.ParseSlugs(context.Request.Query["a"]);
        if (HandoutQueries.CountProblem(slugs) is { } problem)
        {
            return Results.Text(problem + "\n", "text/plain", Encoding.UTF8, StatusCodes.Status400BadRequest);
        }

        var spanish = GuideLanguages.IsSpanish(context);
        var (pages, unknown) = await handouts.ListAsync(slugs, spanish, cancellationToken);
        if (pages is null)
        {
            return Results.Text(
                $"These are not articles of this guide{(spanish ? " in Spanish" : "")}: {string.Join(", ", unknown.Take(10).Select(Named))}.\n",
                "text/plain", Encoding.UTF8, StatusCodes.Status400BadRequest);
        }

        var note = ChartNote.Text(guide.Value.SiteName, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), pages, SitePaths.HandoutPath(slugs, spanish),
            path => urls.Absolute(context.Request, path), spanish ? handouts.EnglishCards : null);
        return Results.Text(note, "text/plain", Encoding.UTF8);
    }

    /// <summary>A slug that was asked for, as the plain-text note may repeat it: only a slug's own characters, else a description.</summary>
    private static string Named(string slug) =>
        slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? slug.Length > 60 ? slug[..60] + "…" : slug
            : "(a name that is not a page's address)";

    /// <summary>An article's picture, as checked at import (scripts and outside references were refused then).</summary>
    private static async Task<IResult> MediaAsync(HttpContext context, string name, ArticleQueries articles, CancellationToken cancellationToken) =>
        await articles.MediaAsync(name, GuideLanguages.IsSpanish(context), cancellationToken) is { } svg
            ? HttpCaching.Cached(context, Encoding.UTF8.GetBytes(svg), "image/svg+xml", TimeSpan.FromHours(1))
            : Results.NotFound();

    /// <summary>Pages of <see cref="PublicationQueries.ApiPageSize"/> articles; <c>Link</c> names the first, previous, next and last pages.</summary>
    private static async Task<IResult> ApiListAsync(HttpContext context, PublicationQueries publications, SiteUrls urls, CancellationToken cancellationToken)
    {
        var requested = context.Request.Query["page"];
        var page = 1;
        if (requested.Count > 0 && !(requested.Count == 1 && int.TryParse(requested[0], NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a page number", detail: "page must be a whole number from 1.");
        }

        if (await publications.PageAsync(page, cancellationToken) is not { } result)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such page", detail: "There are fewer articles than that; start from page 1.");
        }

        string PageLink(int number, string relation) => $"<{urls.Absolute(context.Request, number == 1 ? "/api/articles" : $"/api/articles?page={number}")}>; rel=\"{relation}\"";
        context.Response.Headers.Link = string.Join(", ", (IEnumerable<string>)[
            PageLink(1, "first"),
            .. result.Page > 1 ? [PageLink(result.Page - 1, "prev")] : Array.Empty<string>(),
            .. result.Page < result.PageCount ? [PageLink(result.Page + 1, "next")] : Array.Empty<string>(),
            PageLink(result.PageCount, "last")]);
        var body = JsonSerializer.SerializeToUtf8Bytes(result.Articles.Select(a => SchemaOrg.MedicalWebPage(a, path => urls.Absolute(context.Request, path))), Json);
        return Results.Bytes(body, "application/json; charset=utf-8");
    }

    private static async Task<IResult> ApiArticleAsync(HttpContext context, string slug, PublicationQueries publications, SiteUrls urls, CancellationToken cancellationToken)
    {
        var article = await publications.OneAsync(slug.ToLowerInvariant(), cancellationToken);
        if (article is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such article", detail: "No published article has that slug.");
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(SchemaOrg.MedicalWebPage(article, path => urls.Absolute(context.Request, path)), Json);
        return Results.Bytes(body, "application/json; charset=utf-8");
    }

    /// <summary>The pages that are not articles but that a search engine should find: the home page, each kind's list, the sources and who we are.</summary>
    private static readonly string[] SiteMapPages = ["/", .. ArticleKinds.Table.Select(k => "/" + k.Folder), "/sources", "/about", "/about/editorial-policy"];

    /// <summary>
    /// Every page a search engine should find, the site's own and the articles; a page with a Spanish version is listed
    /// in both languages, each entry naming the other as an <c>hreflang</c> alternate (and English as x-default).
    /// </summary>
    private static async Task<IResult> SitemapAsync(
        HttpContext context, PublicationQueries publications, SpanishQueries spanish, SiteUrls urls, CancellationToken cancellationToken)
    {
        var articles = await publications.ListAsync(cancellationToken);
        var translated = await spanish.TranslatedPathsAsync(cancellationToken);
        var spanishSitePages = translated.Count > 0 ? SiteMapPages.Where(p => p is "/" or "/sources" || ArticleKinds.Table.Any(k => p == "/" + k.Folder)).ToHashSet(StringComparer.Ordinal) : [];
        const string Xhtml = "http://www.w3.org/1999/xhtml";
        var body = Xml.Write(xml =>
        {
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            xml.WriteAttributeString("xmlns", "xhtml", null, Xhtml);
            void Entry(string path, string? lastmod, bool bilingual)
            {
                var english = path.StartsWith(SpanishPaths.Prefix + "/", StringComparison.Ordinal) ? path[SpanishPaths.Prefix.Length..] : path == SpanishPaths.Prefix ? "/" : path;
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", urls.Absolute(context.Request, path));
                if (lastmod is not null)
                {
                    xml.WriteElementString("lastmod", lastmod);
                }

                if (bilingual)
                {
                    var spanishPath = english == "/" ? SpanishPaths.Prefix : SpanishPaths.Prefix + english;
                    foreach (var (language, href) in (ReadOnlySpan<(string, string)>)[("en", english), ("es", spanishPath), ("x-default", english)])
                    {
                        xml.WriteStartElement("xhtml", "link", Xhtml);
                        xml.WriteAttributeString("rel", "alternate");
                        xml.WriteAttributeString("hreflang", language);
                        xml.WriteAttributeString("href", urls.Absolute(context.Request, href));
                        xml.WriteEndElement();
                    }
                }

                xml.WriteEndElement();
            }

            foreach (var path in SiteMapPages)
            {
                Entry(path, null, spanishSitePages.Contains(path));
            }

            foreach (var article in articles)
            {
                Entry(article.Card.Url, article.LastReviewed.ToString("yyyy-MM-dd"), translated.Contains(article.Card.Url));
            }

            foreach (var path in SiteMapPages.Where(spanishSitePages.Contains))
            {
                Entry(path == "/" ? SpanishPaths.Prefix : SpanishPaths.Prefix + path, null, bilingual: true);
            }

            foreach (var article in articles.Where(a => translated.Contains(a.Card.Url)))
            {
                Entry(SpanishPaths.Prefix + article.Card.Url, article.LastReviewed.ToString("yyyy-MM-dd"), bilingual: true);
            }

            xml.WriteEndElement();
        });
        return Results.Bytes(body, "application/xml; charset=utf-8");
    }

    private static async Task<IResult> FeedAsync(HttpContext context, PublicationQueries publications, SiteUrls urls, IOptions<GuideOptions> guide, CancellationToken cancellationToken)
    {
        var articles = await publications.RecentlyReviewedAsync(PublicationQueries.FeedSize, cancellationToken);
        var feed = new AtomFeed(
            urls.Absolute(context.Request, "/feed.xml"),
            $"{guide.Value.SiteName}: recently reviewed articles",
            $"{guide.Value.SiteName} editors",
            AtomFeed.StartOf(articles.Select(a => a.LastReviewed).DefaultIfEmpty(new DateOnly(2026, 1, 1)).Max()),
            [.. articles.Select(a => new AtomEntry(urls.Absolute(context.Request, a.Card.Url), a.Card.Title, a.Card.Summary, AtomFeed.StartOf(a.LastReviewed), [])
            {
                History = a.Changes,
            })])
        {
            Links = [("self", urls.Absolute(context.Request, "/feed.xml")), ("alternate", urls.Absolute(context.Request, "/"))],
        };
        var body = feed.ToUtf8();
        return Results.Bytes(body, "application/atom+xml; charset=utf-8");
    }
}
