using NerveSpasmGuide.Data.Import;

namespace NerveSpasmGuide.Web.Hosting;

/// <summary>Builds the store from content before the server starts taking requests.</summary>
internal sealed class ContentImportHostedService(StoreLocation location, GuideImporter importer) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        StartupChecks.Run(location);
        await importer.ImportAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
