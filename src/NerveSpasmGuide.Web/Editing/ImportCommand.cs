using Microsoft.Extensions.Logging.Abstractions;
using NerveSpasmGuide.Data.Import;
using NerveSpasmGuide.Data.Publishing;

namespace NerveSpasmGuide.Web.Editing;

/// <summary>
/// <c>import [--content DIR] [--database PATH]</c>: builds the store exactly as the server does at start-up, without
/// serving it (for deployments that build ahead, and to time ingest as a whole process).
/// </summary>
public static class ImportCommand
{
    public const string Name = "import";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        const string usage = "import [--content DIR] [--database PATH] (or --Guide:ContentPath=DIR --Guide:DatabasePath=PATH)";
        if (CommandConfiguration.Read(args, errors, usage) is not { } settings)
        {
            return 2;
        }

        var content = settings.Guide.ContentPath;
        var database = settings.Guide.DatabasePath;
        if (!Directory.Exists(content))
        {
            errors.WriteLine($"import: content folder '{Path.GetFullPath(content)}' does not exist; pass --content DIR");
            return 2;
        }

        using var importer = new GuideImporter(new StoreLocation(Path.GetFullPath(content), Path.GetFullPath(database)), new SitePublisher(),
            TimeProvider.System, NullLogger<GuideImporter>.Instance, serves: false);
        ImportSummary summary;
        try
        {
            summary = await importer.ImportAsync(CancellationToken.None);
        }
        catch (Exception ex) when (GuideImporter.IsStoreFailure(ex))
        {
            errors.WriteLine($"import: could not write the store {Path.GetFullPath(database)}: {ex.Message}");
            return 1;
        }

        output.WriteLine($"import: {summary.Articles} articles, {summary.Links} links, {summary.Citations} citations into {database} " +
            $"in {summary.ElapsedMilliseconds} ms ({summary.Errors} errors, {summary.Warnings} warnings)");
        return 0;
    }
}
