namespace NerveSpasmGuide.TestSupport;

/// <summary>Where the repository is, found from the test assembly's folder (the folder holding NerveSpasmGuide.sln).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NerveSpasmGuide.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NerveSpasmGuide.sln not found above the test folder");
    }
}
