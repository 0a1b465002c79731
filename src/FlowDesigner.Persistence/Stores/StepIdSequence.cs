using System.Runtime.CompilerServices;
using FlowDesigner.Persistence.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

/// <summary>
/// Step ids. On SQLite, for the one process that writes the file: a counter that starts above the highest id stored
/// (read once, at the first id asked for) and counts up. The batch writer draws them as it inserts the rows, so
/// each row goes at the end of the table (rows arriving out of key order would split its pages half full) and ids
/// sort in the order the attempts were written. On PostgreSQL, which several nodes write, the database's sequence
/// gives them, in the order they are asked for across the nodes.
/// </summary>
internal sealed class StepIdSequence(IDbContextFactory<FlowDbContext> contextFactory, StepHistoryConversion history, StorageOptions options)
{
    private readonly Lazy<StrongBox<long>> _last = new(() => new StrongBox<long>(Highest(contextFactory, history)));

    /// <summary>The next id on SQLite (PostgreSQL's run writer draws its own as it inserts).</summary>
    public long Next() => Interlocked.Increment(ref _last.Value.Value);

    /// <summary>The next <paramref name="count"/> ids, on either database.</summary>
    public async Task<long[]> TakeAsync(int count, CancellationToken cancellationToken)
    {
        if (!options.IsPostgreSql || count == 0)
        {
            return Enumerable.Range(0, count).Select(_ => Next()).ToArray();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.Database
            .SqlQueryRaw<long>($"SELECT nextval('\"{PostgreSqlRunStatements.StepIdSequence}\"') AS \"Value\" FROM generate_series(1, {{0}})", count)
            .ToListAsync(cancellationToken);
        return [.. ids];
    }

    private static long Highest(IDbContextFactory<FlowDbContext> contextFactory, StepHistoryConversion history)
    {
        using var db = contextFactory.CreateDbContext();
        return Math.Max(db.StepRuns.Max(s => (long?)s.Id) ?? 0, history.HighestOldId(db)); // old rows keep their ids as they move
    }
}
