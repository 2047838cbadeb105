using System.Collections.Concurrent;
using System.Text;
using Microsoft.Data.Sqlite;

namespace NerveSpasmGuide.Data.Search;

/// <summary>
/// Reads one part of a page's body by its place in the stored UTF-8 bytes, with its statement prepared once. On text
/// SQLite's substr() counts characters from the start of the value; on the same bytes read as a blob it goes straight there.
/// </summary>
public sealed class BodyPartReader : IDisposable
{
    /// <summary>One row by its primary key: <c>$id</c>, <c>$from</c> (from 1) and <c>$length</c>, in bytes.</summary>
    public const string Sql = "SELECT substr(CAST(body AS BLOB), $from, $length) FROM article_search WHERE rowid = $id";

    private readonly SqliteConnection connection;
    private readonly bool ownsConnection;
    private readonly SqliteCommand command;
    private readonly SqliteParameter id;
    private readonly SqliteParameter from;
    private readonly SqliteParameter length;

    /// <param name="connection">An open connection to a store, which the reader closes only if it owns it.</param>
    public BodyPartReader(SqliteConnection connection, bool ownsConnection = false)
    {
        this.connection = connection;
        this.ownsConnection = ownsConnection;
        command = connection.CreateCommand();
        command.CommandText = Sql;
        id = command.Parameters.Add("$id", SqliteType.Integer);
        from = command.Parameters.Add("$from", SqliteType.Integer);
        length = command.Parameters.Add("$length", SqliteType.Integer);
        command.Prepare();
    }

    /// <returns>The part, or null when no page has this id.</returns>
    /// <param name="fromByte">Where the part starts, from 0; always where a character starts.</param>
    /// <param name="lengthInBytes">Up to where another character starts, or <see cref="int.MaxValue"/> for the rest.</param>
    public string? Read(int pageId, int fromByte, int lengthInBytes)
    {
        id.Value = pageId;
        from.Value = fromByte + 1;
        length.Value = lengthInBytes;
        return command.ExecuteScalar() is byte[] part ? Encoding.UTF8.GetString(part) : null;
    }

    public void Dispose()
    {
        command.Dispose();
        if (ownsConnection)
        {
            connection.Dispose();
        }
    }
}

/// <summary>
/// The readers of one published store's page bodies, kept open with their statement prepared, so that an uncached
/// search neither opens a connection nor compiles SQL to read its snippets. Disposed with the site, once no request uses it.
/// </summary>
public sealed class BodyParts(string connectionString) : IDisposable
{
    /// <summary>Readers kept for the next search; more are opened while more searches run at once, and closed after.</summary>
    private static readonly int KeptReaders = Environment.ProcessorCount * 2;

    private readonly ConcurrentBag<BodyPartReader> idle = [];
    private int disposed;

    public T Read<T>(Func<BodyPartReader, T> read)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        if (!idle.TryTake(out var reader))
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            reader = new BodyPartReader(connection, ownsConnection: true);
        }

        try
        {
            return read(reader);
        }
        finally
        {
            if (Volatile.Read(ref disposed) == 1 || idle.Count >= KeptReaders)
            {
                reader.Dispose();
            }
            else
            {
                idle.Add(reader);
            }
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref disposed, 1);
        while (idle.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }
}
