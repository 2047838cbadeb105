using Microsoft.Data.Sqlite;

namespace NerveSpasmGuide.Data.Import;

/// <summary>
/// The live store, read during the next import for the last good text of any file that now has errors. Because it
/// is a file, this also works after a restart: the new process finds the previous process's store.
/// </summary>
internal sealed class PreviousStore(string path) : IDisposable
{
    private readonly Lock gate = new();
    private SqliteConnection? connection;
    private bool unavailable;

    /// <summary>The whole text of the file at <paramref name="sourcePath"/> (under content/) when it was last imported, or null.</summary>
    public string? FileText(string sourcePath)
    {
        lock (gate)
        {
            try
            {
                if (!Open())
                {
                    return null;
                }

                using var command = connection!.CreateCommand();
                command.CommandText = "SELECT FileText FROM articles WHERE SourcePath = $path";
                command.Parameters.AddWithValue("$path", sourcePath);
                return command.ExecuteScalar() as string;
            }
            catch (SqliteException)
            {
                // No previous store, or an older or damaged one: there is simply no last good version to offer.
                unavailable = true;
                return null;
            }
        }
    }

    public void Dispose() => connection?.Dispose();

    private bool Open()
    {
        if (connection is not null || unavailable)
        {
            return !unavailable;
        }

        if (!File.Exists(path))
        {
            unavailable = true;
            return false;
        }

        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return true;
    }
}
