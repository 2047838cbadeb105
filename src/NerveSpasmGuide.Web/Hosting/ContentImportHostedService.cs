using NerveSpasmGuide.Data.Import;

namespace NerveSpasmGuide.Web.Hosting;

/// <summary>Builds the store from content before the server starts taking requests.</summary>
internal sealed class ContentImportHostedService(StoreLocation location, GuideImporter importer) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        StartupChecks.Run(location);
        try
        {
            await importer.ImportAsync(cancellationToken);
        }
        catch (Exception ex) when (GuideImporter.IsStoreFailure(ex))
        {
            // Without a first store there is nothing to serve: say why in one line rather than with a stack trace.
            throw new GuideStartupException(
                $"the first import into '{location.DatabasePath}' failed ({ex.Message}); check that the folder is writable, " +
                "has free space and is not shared with another running instance");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
