namespace NerveSpasmGuide.Web.Hosting;

/// <summary>
/// The published app's content root is its own folder, wherever it is started from: otherwise it is the working
/// directory, and an app started elsewhere (a systemd unit, a second instance) would serve no styles or scripts.
/// </summary>
public static class GuideContentRoot
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        // The site's own assembly, not the process's entry point, holds its pages (a tool or test may host it).
        ApplicationName = typeof(GuideContentRoot).Assembly.GetName().Name,
        ContentRootPath = IsChosen(args) || !Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot"))
            ? null // chosen by the operator, or a development build, whose wwwroot the static web assets manifest maps
            : AppContext.BaseDirectory,
    };

    private static bool IsChosen(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ||
        Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 } ||
        Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 };
}
