using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NerveSpasmGuide.Data.Durable;

/// <summary>What start-up did to a durable store: the migrations it found applied, those it applied, and the copy it made first.</summary>
public sealed record MigrationOutcome(IReadOnlyList<string> AlreadyApplied, IReadOnlyList<string> Applied, string? BackupPath);

/// <summary>
/// The rules for stores of data that is not derived from content (readers' feedback; editor accounts, sign-offs and the audit log):
/// SQLite files that are migrated in place with EF Core migrations and never deleted or rebuilt. The content store
/// (<c>Guide:DatabasePath</c>) is the opposite: derived, thrown away and rebuilt on every import.
/// </summary>
public static class DurableStores
{
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>
    /// Applies pending migrations. Before it changes a store that already has a schema it copies the store beside
    /// itself (<c>{store}.before-{migration}.bak</c>), so a migration that goes wrong cannot cost a row.
    /// </summary>
    public static async Task<MigrationOutcome> MigrateAsync(DbContext db, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        string? backup = null;
        if (pending.Count > 0 && applied.Count > 0)
        {
            backup = $"{path}.before-{pending[0]}.bak";
            if (!File.Exists(backup))
            {
                await BackupAsync(path, backup, cancellationToken);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);

        // Write-ahead logging lets readers (the dashboard, the health check) run while a reader's answer is written; it persists in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        return new MigrationOutcome(applied, pending, backup);
    }

    /// <summary>A consistent copy of a live store in one statement (<c>VACUUM INTO</c>); the target must not exist yet.</summary>
    public static async Task BackupAsync(string path, string target, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", Path.GetFullPath(target));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
