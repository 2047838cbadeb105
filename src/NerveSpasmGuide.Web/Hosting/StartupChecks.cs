using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Import;

namespace NerveSpasmGuide.Web.Hosting;

/// <summary>Checks the content and data folders before the first import, with messages that say what to change.</summary>
public static class StartupChecks
{
    public static void Run(StoreLocation location)
    {
        var content = location.ContentPath;
        if (!Directory.Exists(content))
        {
            throw new GuideStartupException(
                $"The content folder '{content}' (Guide:ContentPath) does not exist. Set it with --Guide:ContentPath=DIR or the environment variable Guide__ContentPath.");
        }

        var hasArticles = ArticleKinds.All.Any(kind =>
            Directory.Exists(Path.Combine(content, kind.Folder())) && Directory.EnumerateFiles(Path.Combine(content, kind.Folder()), "*.md").Any());
        if (!hasArticles)
        {
            throw new GuideStartupException(
                $"The content folder '{content}' (Guide:ContentPath) has no articles: expected Markdown files under " +
                $"{string.Join(", ", ArticleKinds.All.Select(k => k.Folder() + "/"))}. Point Guide:ContentPath at the guide's content folder.");
        }

        var database = location.DatabasePath;
        var probe = database + ".probe";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(database)!);
            File.WriteAllBytes(probe, new byte[64 * 1024]);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GuideStartupException(
                $"Cannot write the store at '{database}' (Guide:DatabasePath): {ex.Message} Point Guide:DatabasePath at a writable folder with free space.");
        }
    }
}
