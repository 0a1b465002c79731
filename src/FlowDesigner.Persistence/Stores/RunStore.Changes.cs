using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Columns;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

/// <summary>The run store's feed of changes, which the database's triggers append to (see <see cref="Configuration.RunChangeConfiguration"/>).</summary>
internal sealed partial class RunStore
{
    public async Task<IReadOnlyList<RunRecord>> FindRunsAsync(IReadOnlyCollection<Guid> runIds, CancellationToken cancellationToken)
    {
        if (runIds.Count == 0)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = runIds.ToArray();
        return await Project(db.Runs.AsNoTracking().Where(r => ids.Contains(r.Id))).ToListAsync(cancellationToken);
    }

    public async Task<long> LatestChangeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.RunChanges.MaxAsync(c => (long?)c.Seq, cancellationToken) ?? 0;
    }

    public async Task<IReadOnlyList<RunChange>> ReadChangesAsync(long after, int take, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.RunChanges.AsNoTracking().Where(c => c.Seq > after).OrderBy(c => c.Seq).Take(take).ToListAsync(cancellationToken);
        var changes = new List<RunChange>(rows.Count);
        foreach (var row in rows)
        {
            for (var at = 0; at + IdBytes.Length <= row.RunIds.Length; at += IdBytes.Length)
            {
                changes.Add(new RunChange(row.Seq, new Guid(row.RunIds.AsSpan(at, IdBytes.Length), bigEndian: true)));
            }
        }

        return changes;
    }

    /// <summary>How many changes one delete takes at most, so that it never holds the write lock long.</summary>
    private const int PruneBatch = 10_000;

    public async Task PruneChangesAsync(int keep, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var below = (await db.RunChanges.MaxAsync(c => (long?)c.Seq, cancellationToken) ?? 0) - keep;
        var oldest = await db.RunChanges.MinAsync(c => (long?)c.Seq, cancellationToken) ?? 0;
        for (var until = oldest; until < below;)
        {
            until = Math.Min(below, until + PruneBatch);
            using (await gate.EnterAsync(cancellationToken))
            {
                await db.RunChanges.Where(c => c.Seq <= until).ExecuteDeleteAsync(cancellationToken);
            }
        }
    }
}
