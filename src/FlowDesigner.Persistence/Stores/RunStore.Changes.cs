using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Columns;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

/// <summary>
/// The run store's feed of changes, which the run writers and the database's triggers append to (see
/// <see cref="Configuration.RunChangeConfiguration"/>). A change's position is its row key on SQLite, which one
/// process writes, and its transaction on PostgreSQL, which several nodes write.
/// </summary>
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
        if (db.Database.IsNpgsql())
        {
            return await db.Database.SqlQueryRaw<long>($"""SELECT coalesce(max("Tx"), 0) AS "Value" FROM "RunChanges" WHERE "Tx" < {OldestOpen}""")
                .SingleAsync(cancellationToken);
        }

        return await db.RunChanges.MaxAsync(c => (long?)c.Seq, cancellationToken) ?? 0;
    }

    public async Task<IReadOnlyList<RunChange>> ReadChangesAsync(long after, int take, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.Database.IsNpgsql()
            ? await ReadCommittedAsync(db, after, take, cancellationToken)
            : await db.RunChanges.AsNoTracking().Where(c => c.Seq > after).OrderBy(c => c.Seq).Take(take).Select(c => new FeedRow(c.Seq, c.RunIds))
                .ToListAsync(cancellationToken);
        var changes = new List<RunChange>(rows.Count);
        foreach (var row in rows)
        {
            for (var at = 0; at + IdBytes.Length <= row.RunIds.Length; at += IdBytes.Length)
            {
                changes.Add(new RunChange(row.Position, new Guid(row.RunIds.AsSpan(at, IdBytes.Length), bigEndian: true)));
            }
        }

        return changes;
    }

    /// <summary>The oldest transaction still open on the server: every transaction below it has ended, and no row of theirs can appear later.</summary>
    private const string OldestOpen = "pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

    /// <summary>
    /// PostgreSQL's feed, read by transaction rather than by row key: the nodes' transactions take their keys in one
    /// order and commit in another, so a reader that went by key could pass over a row committed after a later one.
    /// Only the changes of ended transactions are read, whole (a read cut at <paramref name="take"/> leaves the last
    /// transaction's rows for the next), and the position handed back is the transaction's.
    /// </summary>
    private static async Task<List<FeedRow>> ReadCommittedAsync(FlowDbContext db, long after, int take, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<FeedRow>(
                $$"""SELECT "Tx" AS "Position", "RunIds" FROM "RunChanges" WHERE "Tx" > {0} AND "Tx" < {{OldestOpen}} ORDER BY "Tx", "Seq" LIMIT {1}""", after, take)
            .ToListAsync(cancellationToken);
        if (rows.Count == take && rows[0].Position != rows[^1].Position)
        {
            rows.RemoveAll(row => row.Position == rows[^1].Position);
        }

        return rows;
    }

    private sealed record FeedRow(long Position, byte[] RunIds);

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
