using Microsoft.Data.Sqlite;

namespace NerveSpasmGuide.Data.Import;

/// <summary>Inserts rows into one table through one prepared statement, inside the import's transaction.</summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter[] parameters;

    public PreparedInsert(SqliteConnection connection, SqliteTransaction transaction, string table, IReadOnlyList<string> columns)
    {
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        parameters = [.. columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null)))];
        command.Prepare();
    }

    public void Insert(params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    public static void All(SqliteConnection connection, SqliteTransaction transaction, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        using var insert = new PreparedInsert(connection, transaction, table, columns);
        foreach (var row in rows)
        {
            insert.Insert(row);
        }
    }

    public void Dispose() => command.Dispose();
}
