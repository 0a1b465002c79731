using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Persistence.Entities;
using FlowDesigner.Testing;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Tests;

/// <summary>The rollups are kept by the database as runs are written, whoever writes them; they always equal a count of the runs.</summary>
public sealed class RunRollupTests : IAsyncLifetime
{
    private TestServices _services = default!;

    public async Task InitializeAsync() => _services = await TestServices.StartAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Rollups_EqualACountOfTheRuns_AfterInsertsEndsAndDeletes()
    {
        var workflow = await _services.Get<IWorkflowStore>().CreateAsync(new WorkflowDraft(WorkflowDefinition.Empty("Orders"), null, null), TestActors.Ann, "created", default);
        var start = new DateTime(2026, 12, 1, 10, 0, 30, DateTimeKind.Utc);
        var runs = Enumerable.Range(0, 40).Select(i => new RunEntity
        {
            Id = TimeOrderedId.New(start.AddSeconds(i * 7)),
            WorkflowId = workflow.Id,
            Status = RunStatus.Pending,
            Cause = RunCause.Manual,
            CorrelationId = Guid.NewGuid(),
            CreatedAt = start.AddSeconds(i * 7),
        }).ToList();
        await using (var db = _services.OpenDatabase())
        {
            db.Runs.AddRange(runs);
            await db.SaveChangesAsync();

            // Runs end a few minutes after they start, each way; a quarter stay unfinished.
            foreach (var (run, i) in runs.Select((r, i) => (r, i)).Where(p => p.i % 4 != 3))
            {
                run.Status = (RunStatus)((int)RunStatus.Succeeded + (i % 4));
                run.FinishedAt = run.CreatedAt.AddMinutes(3);
            }

            await db.SaveChangesAsync();
            await db.Runs.Where(r => r.Id == runs[5].Id || r.Id == runs[7].Id).ExecuteDeleteAsync();
        }

        await using var check = _services.OpenDatabase();
        var stored = await check.Runs.AsNoTracking().ToListAsync();
        var counted = stored.Select(r => (Minute: r.CreatedAt.Ticks / TimeSpan.TicksPerMinute, Started: 1, Ended: RunStatus.Pending))
            .Concat(stored.Where(r => r.FinishedAt is not null).Select(r => (Minute: r.FinishedAt!.Value.Ticks / TimeSpan.TicksPerMinute, Started: 0, Ended: r.Status)))
            .GroupBy(c => c.Minute)
            .ToDictionary(g => g.Key, g => (g.Sum(c => c.Started), g.Count(c => c.Ended == RunStatus.Succeeded), g.Count(c => c.Ended == RunStatus.Failed), g.Count(c => c.Ended == RunStatus.Cancelled)));
        var rollups = await check.RunRollups.AsNoTracking().Where(r => r.WorkflowId == workflow.Id).ToListAsync();
        var kept = rollups.Where(r => (r.Started, r.Succeeded, r.Failed, r.Cancelled) != (0, 0, 0, 0))
            .ToDictionary(r => r.Minute, r => (r.Started, r.Succeeded, r.Failed, r.Cancelled));

        Assert.Equal(38, stored.Count);
        Assert.Equal(counted.OrderBy(c => c.Key), kept.OrderBy(c => c.Key));
        Assert.Equal(38, rollups.Sum(r => r.Started));
        Assert.Equal(stored.Count(r => r.Status == RunStatus.Succeeded), rollups.Sum(r => r.Succeeded));
    }
}
