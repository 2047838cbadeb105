namespace NerveSpasmGuide.Data.Import;

/// <summary>What the running site knows about its store: the last import (null until the first), and how many there were.</summary>
public sealed class StoreStatus
{
    private ImportSummary? lastImport;
    private int importCount;

    public ImportSummary? LastImport => Volatile.Read(ref lastImport);

    /// <summary>How many imports have finished since start-up.</summary>
    public int ImportCount => Volatile.Read(ref importCount);

    public void Publish(ImportSummary summary)
    {
        Volatile.Write(ref lastImport, summary);
        Interlocked.Increment(ref importCount);
    }
}
