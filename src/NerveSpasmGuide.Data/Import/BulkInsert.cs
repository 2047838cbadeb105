using Microsoft.Data.Sqlite;

namespace NerveSpasmGuide.Data.Import;

/// <summary>Inserts rows through one prepared statement per table, inside the import's transaction.</summary>
internal static class BulkInsert
{
    /// <returns>The number of rows inserted.</returns>
    public static async Task<int> RunAsync(
        SqliteConnection connection, SqliteTransaction transaction, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        await command.PrepareAsync(cancellationToken);
        var count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
            count++;
        }

        return count;
    }
}
