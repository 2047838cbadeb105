using Microsoft.EntityFrameworkCore;

namespace NerveSpasmGuide.Data.Durable;

/// <summary>
/// Writes to one durable store one at a time (one process owns the store), so a burst of writes queues here instead
/// of failing on SQLite's single writer lock. Each write gets a context of its own.
/// </summary>
public sealed class OneWriter<TContext>(IDbContextFactory<TContext> contexts) : IDisposable
    where TContext : DbContext
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task WriteAsync(Func<TContext, Task> write, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await write(db);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
