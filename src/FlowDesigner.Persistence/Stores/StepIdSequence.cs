using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

/// <summary>
/// Step ids for the one process that writes the SQLite file: a counter that starts above the highest id stored
/// (read once, at the first id asked for) and counts up. The batch writer draws them as it inserts the rows, so
/// each row goes at the end of the table (rows arriving out of key order would split its pages half full) and ids
/// sort in the order the attempts were written.
/// </summary>
internal sealed class StepIdSequence(IDbContextFactory<FlowDbContext> contextFactory, StepHistoryConversion history)
{
    private readonly Lazy<StrongBox<long>> _last = new(() => new StrongBox<long>(Highest(contextFactory, history)));

    public long Next() => Interlocked.Increment(ref _last.Value.Value);

    private static long Highest(IDbContextFactory<FlowDbContext> contextFactory, StepHistoryConversion history)
    {
        using var db = contextFactory.CreateDbContext();
        return Math.Max(db.StepRuns.Max(s => (long?)s.Id) ?? 0, history.HighestOldId(db)); // old rows keep their ids as they move
    }
}
