using NerveSpasmGuide.TestSupport;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NerveSpasmGuide.Web.Tests.Support;

/// <summary>Hosts the site on its own temporary content folder and database, both deleted on dispose.</summary>
public class GuideFactory : WebApplicationFactory<Program>
{
    private readonly string workFolder = Path.Combine(Path.GetTempPath(), "nsg-web-" + Guid.NewGuid().ToString("N"));

    public GuideFactory()
        : this(null)
    {
    }

    /// <param name="contentSource">A folder to copy as the site's content; null writes the small fixture set.</param>
    protected GuideFactory(string? contentSource)
    {
        ContentPath = Path.Combine(workFolder, "content");
        DatabasePath = Path.Combine(workFolder, "data", "guide.db");
        FeedbackDatabasePath = Path.Combine(workFolder, "data", "feedback.db");
        EditorialDatabasePath = Path.Combine(workFolder, "data", "editorial.db");
        if (contentSource is null)
        {
            FixtureContent.WriteTo(ContentPath);
        }
        else
        {
            CopyFolder(contentSource, ContentPath);
        }
    }

    public string ContentPath { get; }

    public string DatabasePath { get; }

    /// <summary>The durable feedback store; a test may point it outside the work folder to keep it across hosts.</summary>
    public string FeedbackDatabasePath { get; init; }

    /// <summary>The durable editorial store (accounts, sign-offs, audit); a test may keep it across hosts too.</summary>
    public string EditorialDatabasePath { get; init; }

    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlParser().ParseDocument(html);
    }

    public HttpClient CreateNonRedirectingClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Guide:ContentPath", ContentPath);
        builder.UseSetting("Guide:DatabasePath", DatabasePath);
        builder.UseSetting("Guide:FeedbackDatabasePath", FeedbackDatabasePath);
        builder.UseSetting("Guide:EditorialDatabasePath", EditorialDatabasePath);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(workFolder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(workFolder, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>The site on the content shipped in the repository.</summary>
public sealed class ShippedContentFactory() : GuideFactory(RepositoryPaths.Content);

public static class RepositoryPaths
{
    public static string Root { get; } = Repository.Root;

    public static string Content => Path.Combine(Root, "content");

}
