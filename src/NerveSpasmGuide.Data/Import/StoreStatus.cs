namespace NerveSpasmGuide.Data.Import;

/// <summary>What the running site knows about its store: whether one is loaded, and the last import.</summary>
public sealed class StoreStatus
{
    private ImportSummary? lastImport;

    public bool IsLoaded => Volatile.Read(ref lastImport) is not null;

    public ImportSummary? LastImport => Volatile.Read(ref lastImport);

    public void Publish(ImportSummary summary) => Volatile.Write(ref lastImport, summary);
}
