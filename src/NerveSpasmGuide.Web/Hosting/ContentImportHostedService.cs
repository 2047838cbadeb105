using NerveSpasmGuide.Data.Import;

namespace NerveSpasmGuide.Web.Hosting;

/// <summary>Builds the store from content before the server starts taking requests.</summary>
internal sealed class ContentImportHostedService(GuideImporter importer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => importer.ImportAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
