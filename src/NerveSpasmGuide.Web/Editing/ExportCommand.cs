using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Media;
using NerveSpasmGuide.Content.Translations;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Editing;

/// <summary>
/// <c>export --out DIR</c>: a static copy of every public page, feed, sitemap, API document, picture and static file,
/// with <c>.br</c> and <c>.gz</c> beside each, fetched from the site itself (started on loopback), so each file is the
/// bytes the server sends. A web server can serve it when every instance is down: printed QR codes keep working.
/// </summary>
public static partial class ExportCommand
{
    public const string Name = "export";
    private const string Usage = "export --out DIR [--content DIR] (Guide:PublicBaseUrl must be set: it is the address the copy is served at)";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        if (CommandConfiguration.Read(args, errors, Usage) is not { } settings)
        {
            return 2;
        }

        if (string.IsNullOrWhiteSpace(settings.Out) || string.IsNullOrWhiteSpace(settings.Guide.PublicBaseUrl))
        {
            errors.WriteLine($"export: {(string.IsNullOrWhiteSpace(settings.Out) ? "--out DIR is required" : "Guide:PublicBaseUrl is required, or the copy would link to a loopback address")}. Usage: {Usage}");
            return 2;
        }

        var work = Path.Combine(Path.GetTempPath(), "nsg-export-" + Guid.NewGuid().ToString("N"));
        var app = GuideApp.Create([
            "--urls", "http://127.0.0.1:0",
            $"--{GuideOptions.Section}:ContentPath={Path.GetFullPath(settings.Guide.ContentPath)}",
            $"--{GuideOptions.Section}:DatabasePath={Path.Combine(work, "guide.db")}",
            $"--{GuideOptions.Section}:FeedbackDatabasePath={Path.Combine(work, "feedback.db")}",
            $"--{GuideOptions.Section}:PublicBaseUrl={settings.Guide.PublicBaseUrl}",
            "--Serilog:MinimumLevel:Default=Warning"]);
        try
        {
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false })
            {
                BaseAddress = new Uri(address),
            };
            var outFolder = Path.GetFullPath(settings.Out);
            var paths = await PathsAsync(http, settings.Guide, app.Environment.WebRootFileProvider);
            var files = 0;
            foreach (var path in paths)
            {
                files += await WriteAsync(http, path, outFolder);
            }

            output.WriteLine($"export: {paths.Count} addresses, {files} files into {outFolder}");
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            // A one-shot process: close its pooled store connections so the temporary folder can go.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Where a page is kept in the copy: <c>/</c> → index.html, <c>/causes/sciatica</c> → causes/sciatica.html, API documents as .json.</summary>
    public static string FileFor(string path)
    {
        var (route, query) = path.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? (path[..q], path[(q + 1)..]) : (path, "");
        var relative = route.Trim('/');
        if (relative.Length == 0)
        {
            return "index.html";
        }

        if (relative.StartsWith("api/", StringComparison.Ordinal))
        {
            return relative + (query.StartsWith("page=", StringComparison.Ordinal) ? "." + query.Replace('=', '-') : "") + ".json";
        }

        return Path.HasExtension(relative) ? relative : relative + ".html";
    }

    private static async Task<List<string>> PathsAsync(HttpClient http, GuideOptions guide, IFileProvider webRoot)
    {
        var baseUrl = guide.PublicBaseUrl!.TrimEnd('/');
        List<string> paths = ["/sitemap.xml", "/feed.xml", "/robots.txt"];

        // Every page the sitemap lists (home, sections, sources, about and articles), and each article's API document.
        var sitemap = await http.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));
        var pages = Location().Matches(sitemap).Select(m => m.Groups[1].Value.Replace(baseUrl, "", StringComparison.Ordinal)).ToList();
        paths.AddRange(pages);
        paths.AddRange(pages.Select(ArticleSlug).OfType<string>().Select(slug => "/api/articles/" + slug));

        // The API list in pages, following its Link headers to the last.
        for (var next = "/api/articles"; next is not null;)
        {
            paths.Add(next);
            using var page = await http.GetAsync(new Uri(next, UriKind.Relative));
            next = page.Headers.TryGetValues("Link", out var links) && NextLink().Match(string.Join(",", links)) is { Success: true } match
                ? match.Groups[1].Value.Replace(baseUrl, "", StringComparison.Ordinal)
                : null;
        }

        var content = Path.GetFullPath(guide.ContentPath);
        foreach (var (folder, urlPath) in ((string, Func<string, string>)[])[
                     (Path.Combine(content, MediaFolder.Folder), MediaFolder.UrlPath),
                     (Path.Combine(content, SpanishPaths.ContentFolder, MediaFolder.Folder), SpanishPaths.Media)])
        {
            if (Directory.Exists(folder))
            {
                paths.AddRange(Directory.EnumerateFiles(folder).Select(f => urlPath(Path.GetFileName(f))));
            }
        }

        paths.AddRange(StaticFiles(webRoot, ""));
        return [.. paths.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The slug of an article address (<c>/{kind folder}/{slug}</c>); null for any other page.</summary>
    private static string? ArticleSlug(string path) =>
        path.Split('/') is ["", var folder, var slug] && slug.Length > 0 && ArticleKinds.Table.Any(k => k.Folder == folder) ? slug : null;

    private static IEnumerable<string> StaticFiles(IFileProvider webRoot, string folder)
    {
        foreach (var entry in webRoot.GetDirectoryContents(folder))
        {
            var path = folder + "/" + entry.Name;
            // Published apps carry precompressed .br/.gz twins of their static files; the export makes its own.
            foreach (var file in entry.IsDirectory ? StaticFiles(webRoot, path) : [path])
            {
                if (!file.EndsWith(".br", StringComparison.Ordinal) && !file.EndsWith(".gz", StringComparison.Ordinal))
                {
                    yield return file;
                }
            }
        }
    }

    /// <summary>The answer as sent without compression, with Brotli and with gzip; the compressed ones only when the server compresses.</summary>
    private static async Task<int> WriteAsync(HttpClient http, string path, string outFolder)
    {
        var target = Path.Combine(outFolder, FileFor(path));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var written = 0;
        foreach (var (encoding, suffix) in new[] { ("identity", ""), ("br", ".br"), ("gzip", ".gz") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                // Pictures that failed their checks are not served, so not copied; anything else missing is a bug here.
                return path.StartsWith("/" + MediaFolder.Folder + "/", StringComparison.Ordinal) ? written
                    : throw new InvalidOperationException($"export: {path} answered {(int)response.StatusCode}");
            }

            var sentEncoding = response.Content.Headers.ContentEncoding.FirstOrDefault() ?? "identity";
            if (sentEncoding == encoding)
            {
                await File.WriteAllBytesAsync(target + suffix, await response.Content.ReadAsByteArrayAsync());
                written++;
            }
        }

        return written;
    }

    [GeneratedRegex("<loc>([^<]+)</loc>")]
    private static partial Regex Location();

    [GeneratedRegex("<([^>]+)>; rel=\"next\"")]
    private static partial Regex NextLink();
}
