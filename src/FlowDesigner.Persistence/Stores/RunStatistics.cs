using FlowDesigner.Model.Runs;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

/// <summary>The dashboard's numbers: sums over the rollups' rows of the period, and a look at the newest step rows.</summary>
internal sealed class RunStatistics(IDbContextFactory<FlowDbContext> contextFactory) : IRunStatistics
{
    private const long MinutesPerHour = 60;

    public async Task<IReadOnlyList<EndCount>> CountEndsAsync(DateTime from, bool byHour, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var since = from.Ticks / TimeSpan.TicksPerMinute;
        var per = byHour ? MinutesPerHour : 1;
        var counts = await db.RunRollups.AsNoTracking()
            .Where(r => r.Minute >= since)
            .GroupBy(r => r.Minute / per)
            .Select(g => new { Period = g.Key, Succeeded = g.Sum(r => r.Succeeded), Failed = g.Sum(r => r.Failed), Cancelled = g.Sum(r => r.Cancelled) })
            .ToListAsync(cancellationToken);
        return counts.OrderBy(c => c.Period)
            .Select(c => new EndCount(new DateTime(c.Period * per * TimeSpan.TicksPerMinute, DateTimeKind.Utc), null, c.Succeeded, c.Failed, c.Cancelled))
            .ToList();
    }

    public async Task<IReadOnlyList<EndCount>> CountEndsByWorkflowAsync(DateTime from, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var since = from.Ticks / TimeSpan.TicksPerMinute;
        var counts = await db.RunRollups.AsNoTracking()
            .Where(r => r.Minute >= since)
            .GroupBy(r => r.WorkflowId)
            .Select(g => new { WorkflowId = g.Key, Succeeded = g.Sum(r => r.Succeeded), Failed = g.Sum(r => r.Failed), Cancelled = g.Sum(r => r.Cancelled) })
            .ToListAsync(cancellationToken);
        return counts.Select(c => new EndCount(null, c.WorkflowId, c.Succeeded, c.Failed, c.Cancelled)).ToList();
    }

    public async Task<IReadOnlyList<StepTiming>> FindStepTimingsAsync(int latestSteps, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // A step's finish is stored as the ticks after its start (see Columns.StepTimes): a started step's duration as it is.
        var latest = db.StepRuns.AsNoTracking().OrderByDescending(s => s.Id).Take(latestSteps);
        var rows = await latest
            .Where(s => s.StartedAt != null && s.FinishedAt != null)
            .Join(db.Runs, s => s.RunId, r => r.Id, (s, r) => new { r.WorkflowId, r.VersionId, s.NodeId, Ticks = s.FinishedAt!.Value })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.WorkflowId, r.VersionId, r.NodeId))
            .Select(g => new StepTiming(
                g.Key.WorkflowId, g.Key.VersionId, g.Key.NodeId, g.Count(), TimeSpan.FromTicks((long)g.Average(r => r.Ticks)), TimeSpan.FromTicks(g.Max(r => r.Ticks))))
            .ToList();
    }
}
