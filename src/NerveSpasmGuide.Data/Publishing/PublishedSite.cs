using Microsoft.Data.Sqlite;
using NerveSpasmGuide.Data.Import;
using NerveSpasmGuide.Data.Search;

namespace NerveSpasmGuide.Data.Publishing;

/// <summary>
/// Everything one import published, and nothing of any other: its own store file (never replaced in place), the
/// import's summary and the in-memory directory read from that file. Requests lease the current site once and use
/// it throughout, so a request never mixes two versions; a site that is no longer current is dropped, its
/// connections closed and its file deleted, when the last request using it ends.
/// </summary>
public sealed class PublishedSite
{
    private readonly Action<PublishedSite> drained;
    private int leases;
    private int retired;

    internal PublishedSite(int version, string storePath, ImportSummary summary, ArticleDirectorySnapshot directory, Action<PublishedSite> drained)
    {
        Version = version;
        StorePath = storePath;
        Summary = summary;
        Directory = directory;
        ConnectionString = ReadOnly(storePath);
        BodyParts = new BodyParts(Immutable(storePath));
        this.drained = drained;
    }

    /// <summary>1 for the first import since start-up, one more for each after it.</summary>
    public int Version { get; }

    /// <summary>This version's store file.</summary>
    public string StorePath { get; }

    public string ConnectionString { get; }

    public ImportSummary Summary { get; }

    public ArticleDirectorySnapshot Directory { get; }

    /// <summary>Search snippets' text, read from this version's store over connections kept open for it.</summary>
    public BodyParts BodyParts { get; }

    internal static string ReadOnly(string storePath) => new SqliteConnectionStringBuilder
    {
        DataSource = storePath,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = true,
    }.ToString();

    /// <summary>
    /// A published store is never written again (the next import writes a copy), so its snippet readers open it
    /// immutable: SQLite then takes no file locks and checks for no changes on each of the many small reads.
    /// </summary>
    private static string Immutable(string storePath) => new SqliteConnectionStringBuilder
    {
        DataSource = new Uri(Path.GetFullPath(storePath)).AbsoluteUri + "?immutable=1",
        Mode = SqliteOpenMode.ReadOnly,
        // BodyParts keeps its own readers open and closes them when the site is dropped.
        Pooling = false,
    }.ToString();

    /// <summary>False once the site was retired and every lease ended: it can no longer be used.</summary>
    internal bool TryLease()
    {
        while (true)
        {
            var count = Volatile.Read(ref leases);
            if (count < 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref leases, count + 1, count) == count)
            {
                return true;
            }
        }
    }

    internal void Release()
    {
        if (Interlocked.Decrement(ref leases) == 0 && Volatile.Read(ref retired) == 1)
        {
            Drain();
        }
    }

    internal void Retire()
    {
        Volatile.Write(ref retired, 1);
        Drain();
    }

    private void Drain()
    {
        if (Interlocked.CompareExchange(ref leases, -1, 0) == 0)
        {
            BodyParts.Dispose();
            drained(this);
        }
    }
}
