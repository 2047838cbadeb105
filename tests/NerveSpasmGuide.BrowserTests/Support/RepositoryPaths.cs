using NerveSpasmGuide.TestSupport;
namespace NerveSpasmGuide.BrowserTests.Support;

public static class RepositoryPaths
{
    public static string Root { get; } = Repository.Root;

    public static string Content => Path.Combine(Root, "content");

    public static string WebProject => Path.Combine(Root, "src", "NerveSpasmGuide.Web");

    /// <summary>The site built in the same configuration as these tests (bin/Debug or bin/Release).</summary>
    public static string WebAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            return Path.Combine(WebProject, "bin", configuration, "net10.0", "NerveSpasmGuide.Web.dll");
        }
    }

    public static string CopyContent(string target)
    {
        foreach (var file in Directory.EnumerateFiles(Content, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

}
