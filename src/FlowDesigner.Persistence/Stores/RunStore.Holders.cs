using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

/// <summary>
/// The run store's holders: engine nodes beat, and take over the runs of nodes that stopped beating. Only a run's
/// holder writes its advances (see the batch writer's statements).
/// </summary>
internal sealed partial class RunStore
{
    public async Task BeatAsync(Guid nodeId, string nodeName, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        using var writing = await gate.EnterAsync(cancellationToken);
        if (await db.EngineNodes.Where(n => n.Id == nodeId).ExecuteUpdateAsync(u => u.SetProperty(n => n.HeartbeatAt, now), cancellationToken) == 0)
        {
            db.EngineNodes.Add(new EngineNodeEntity { Id = nodeId, Name = nodeName, StartedAt = now, HeartbeatAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<Guid>> TakeOverRunsAsync(Guid nodeId, DateTime liveSince, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        using var writing = await gate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var live = db.EngineNodes.Where(n => n.HeartbeatAt >= liveSince).Select(n => (Guid?)n.Id);
        IQueryable<RunEntity> Orphans(IQueryable<RunEntity> runs) => runs
            .Where(r => UnfinishedRuns.Contains(r.Status))
            .Where(r => r.HolderId == null
                ? !r.Steps.Any(s => Unfinished.Contains(s.Status))
                : r.HolderId != nodeId && !live.Contains(r.HolderId));
        var found = await Orphans(db.Runs.AsNoTracking()).Select(r => r.Id).ToListAsync(cancellationToken);
        var taken = new List<Guid>(found.Count);
        foreach (var chunk in found.Chunk(500))
        {
            // Still orphans as each row is written: of two nodes taking over at once (PostgreSQL), one takes each run.
            await Orphans(db.Runs.Where(r => chunk.Contains(r.Id))).ExecuteUpdateAsync(u => u.SetProperty(r => r.HolderId, nodeId), cancellationToken);
            taken.AddRange(await db.Runs.Where(r => chunk.Contains(r.Id) && r.HolderId == nodeId).Select(r => r.Id).ToListAsync(cancellationToken));
        }

        await db.EngineNodes.Where(n => n.HeartbeatAt < liveSince && n.Id != nodeId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return taken;
    }

    public async Task ReleaseRunsAsync(Guid nodeId, IReadOnlyCollection<Guid> runIds, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        using var writing = await gate.EnterAsync(cancellationToken);
        foreach (var chunk in runIds.Chunk(500))
        {
            await db.Runs.Where(r => chunk.Contains(r.Id) && r.HolderId == nodeId)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.HolderId, (Guid?)null), cancellationToken);
        }
    }

    public async Task LeaveAsync(Guid nodeId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        using var writing = await gate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Runs.Where(r => UnfinishedRuns.Contains(r.Status) && r.HolderId == nodeId).ExecuteUpdateAsync(u => u.SetProperty(r => r.HolderId, (Guid?)null), cancellationToken);
        await db.EngineNodes.Where(n => n.Id == nodeId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
