using NerveSpasmGuide.Data.Import;

namespace NerveSpasmGuide.Web.Hosting;

/// <summary>
/// An import leaves the texts, trees and pages it read and rendered as garbage (a full import at 10,000 articles
/// peaks at about 330 MB resident), and the version it replaced once its last request ends; an idle server may not
/// collect it for hours: measured, an Optimized collection declines. Imports are rare (start-up
/// and saves), so the host, which owns the process's memory policy, gives the memory back with a blocking, compacting
/// collection, <see cref="Delay"/> after the last import of a burst rather than at once: at once, it stalled every
/// request for 75-135 ms (at 10,000 articles) just as the editor's browser asked for the page the import had published.
/// </summary>
public sealed class CollectAfterImports(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);

    private readonly ITimer timer = clock.CreateTimer(
        _ => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    public void Watch(GuideImporter importer) => importer.Imported += () => timer.Change(Delay, Timeout.InfiniteTimeSpan);

    public void Dispose() => timer.Dispose();
}
