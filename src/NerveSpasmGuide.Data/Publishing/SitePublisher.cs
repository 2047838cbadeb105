namespace NerveSpasmGuide.Data.Publishing;

/// <summary>The one owner of the published site: imports publish a new <see cref="PublishedSite"/> here, requests lease it.</summary>
public sealed class SitePublisher
{
    private PublishedSite? current;

    /// <summary>The site requests are served from; null until the first import has finished.</summary>
    public PublishedSite? Current => Volatile.Read(ref current);

    /// <summary>Leases the current site until the lease is disposed, so its store stays open for the whole request.</summary>
    /// <exception cref="SiteNotPublishedException">No import has finished yet.</exception>
    public SiteLease Lease()
    {
        while (true)
        {
            var site = Current ?? throw new SiteNotPublishedException();
            if (site.TryLease())
            {
                return new SiteLease(site);
            }

            // That site was replaced and drained between reading it and leasing it: the next read finds its successor.
        }
    }

    internal void Publish(PublishedSite site) => Interlocked.Exchange(ref current, site)?.Retire();
}

/// <summary>One user of a <see cref="PublishedSite"/>; disposing it lets a replaced site be dropped.</summary>
public sealed class SiteLease(PublishedSite site) : IDisposable
{
    private int disposed;

    public PublishedSite Site { get; } = site;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            Site.Release();
        }
    }
}

/// <summary>A request arrived before the first import published a site.</summary>
public sealed class SiteNotPublishedException() : InvalidOperationException("No site has been published yet: the first import has not finished.");

/// <summary>The site one request (one DI scope) is served from, leased when the scope first asks and released with it.</summary>
public sealed class RequestSite(SitePublisher publisher) : IDisposable
{
    private readonly SiteLease lease = publisher.Lease();

    public PublishedSite Site => lease.Site;

    public Search.ArticleDirectorySnapshot Directory => lease.Site.Directory;

    public void Dispose() => lease.Dispose();
}
