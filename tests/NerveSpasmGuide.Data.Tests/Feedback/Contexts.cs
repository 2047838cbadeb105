using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Data.Durable;
using NerveSpasmGuide.Data.Feedback;

namespace NerveSpasmGuide.Data.Tests.Feedback;

/// <summary>Contexts on one feedback store file, as the site's factory makes them.</summary>
internal sealed class Contexts(string path) : IDbContextFactory<FeedbackDbContext>
{
    public string Path => path;

    public FeedbackDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<FeedbackDbContext>().UseSqlite(DurableStores.ConnectionString(path)).Options);

    public async Task<MigrationOutcome> MigrateAsync()
    {
        await using var db = CreateDbContext();
        return await DurableStores.MigrateAsync(db, path, CancellationToken.None);
    }

    /// <summary>One value read with a connection of its own, read-only and unpooled.</summary>
    public static long Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
