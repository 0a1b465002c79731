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
        var counted = stored.Where(r => r.FinishedAt is not null)
            .GroupBy(r => r.FinishedAt!.Value.Ticks / TimeSpan.TicksPerMinute)
            .ToDictionary(g => g.Key, g => (g.Count(r => r.Status == RunStatus.Succeeded), g.Count(r => r.Status == RunStatus.Failed), g.Count(r => r.Status == RunStatus.Cancelled)));
        var rollups = await check.RunRollups.AsNoTracking().Where(r => r.WorkflowId == workflow.Id).ToListAsync();
        var kept = rollups.Where(r => (r.Succeeded, r.Failed, r.Cancelled) != (0, 0, 0))
            .ToDictionary(r => r.Minute, r => (r.Succeeded, r.Failed, r.Cancelled));

        Assert.Equal(38, stored.Count);
        Assert.Equal(counted.OrderBy(c => c.Key), kept.OrderBy(c => c.Key));
        Assert.Equal(stored.Count(r => r.Status == RunStatus.Succeeded), rollups.Sum(r => r.Succeeded));
    }

    [Fact]
    public async Task ARunWrittenAlreadyEnded_IsCounted_AndAnAdvanceThatKeepsItsStatus_IsNot()
    {
        var workflow = await _services.Get<IWorkflowStore>().CreateAsync(new WorkflowDraft(WorkflowDefinition.Empty("Orders"), null, null), TestActors.Ann, "created", default);
        var at = new DateTime(2026, 12, 1, 10, 0, 30, DateTimeKind.Utc);
        await using var db = _services.OpenDatabase();
        db.Runs.Add(new RunEntity
        {
            Id = TimeOrderedId.New(at), WorkflowId = workflow.Id, Status = RunStatus.Failed, Cause = RunCause.Retry, CorrelationId = Guid.NewGuid(), CreatedAt = at, FinishedAt = at,
        });
        await db.SaveChangesAsync();
        await db.Runs.Where(r => r.WorkflowId == workflow.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RunStatus.Failed));

        var rollup = Assert.Single(await db.RunRollups.AsNoTracking().Where(r => r.WorkflowId == workflow.Id).ToListAsync());
        Assert.Equal((0, 1, 0), (rollup.Succeeded, rollup.Failed, rollup.Cancelled));
    }
}
