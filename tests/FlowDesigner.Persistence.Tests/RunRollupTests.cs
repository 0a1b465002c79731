using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Persistence.Entities;
using FlowDesigner.Testing;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Tests;

/// <summary>
/// The rollups are counted in the transaction that ends a run, by the run writer once a batch and by the store's other
/// ends as they write; they always equal a count of the runs.
/// </summary>
public class RunRollupTests : IAsyncLifetime
{
    private TestServices _services = default!;

    /// <summary>The database the tests write: SQLite, unless a class for PostgreSQL says otherwise.</summary>
    protected virtual StorageProvider Provider => StorageProvider.Sqlite;
    private VersionRecord _version = default!;

    private IRunStore Runs => _services.Get<IRunStore>();

    public async Task InitializeAsync()
    {
        _services = await TestServices.StartAsync(provider: Provider);
        var definition = WorkflowDefinition.Empty("Orders") with { Nodes = [new NodeDefinition("hook", "core.webhook", "Hook")] };
        var workflow = await _services.Get<IWorkflowStore>().CreateAsync(new WorkflowDraft(definition, "core.webhook", "POST orders"), TestActors.Ann, "created", default);
        _version = await _services.Get<IVersionStore>().PublishAsync(workflow.Id, definition, "core.webhook", "POST orders", null, TestActors.Ann, default);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Rollups_EqualACountOfTheRuns_AfterEndsByEveryWriter_AndDeletes()
    {
        var starts = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Runs.StartRunAsync(NewRun(), DateTime.UtcNow, default)));
        var ends = starts.Select((start, i) => (start.RunId, i % 4)).ToList();

        // The writer ends a half in its batches (some succeeded, some failed); the store's other end cancels a quarter;
        // a quarter stays unfinished. A run ended twice is counted once.
        await Task.WhenAll(ends.Where(e => e.Item2 < 2).Select(e => Runs.CommitAsync(e.RunId,
            new RunChanges([], [], new RunEnd(e.Item2 == 0 ? RunStatus.Succeeded : RunStatus.Failed, null, null)), DateTime.UtcNow, default)));
        foreach (var (runId, _) in ends.Where(e => e.Item2 == 2))
        {
            await Runs.FinishRunAsync(runId, RunStatus.Cancelled, null, "Cancelled by ann.", DateTime.UtcNow, default);
        }

        Assert.False(await Runs.FinishRunAsync(ends[0].RunId, RunStatus.Cancelled, null, "too late", DateTime.UtcNow, default));
        await using (var db = _services.OpenDatabase())
        {
            await db.Runs.Where(r => r.Id == ends[0].RunId || r.Id == ends[1].RunId).ExecuteDeleteAsync();
        }

        await using var check = _services.OpenDatabase();
        var stored = await check.Runs.AsNoTracking().ToListAsync();
        var counted = stored.Where(r => r.FinishedAt is not null)
            .GroupBy(r => r.FinishedAt!.Value.Ticks / TimeSpan.TicksPerMinute)
            .ToDictionary(g => g.Key, g => (g.Count(r => r.Status == RunStatus.Succeeded), g.Count(r => r.Status == RunStatus.Failed), g.Count(r => r.Status == RunStatus.Cancelled)));
        var kept = (await check.RunRollups.AsNoTracking().Where(r => r.WorkflowId == _version.WorkflowId).ToListAsync())
            .Where(r => (r.Succeeded, r.Failed, r.Cancelled) != (0, 0, 0))
            .ToDictionary(r => r.Minute, r => (r.Succeeded, r.Failed, r.Cancelled));

        Assert.Equal(38, stored.Count);
        Assert.Equal((9, 9, 10), (stored.Count(r => r.Status == RunStatus.Succeeded), stored.Count(r => r.Status == RunStatus.Failed), stored.Count(r => r.Status == RunStatus.Cancelled)));
        Assert.Equal(counted.OrderBy(c => c.Key), kept.OrderBy(c => c.Key));
    }

    [Fact]
    public async Task ARunWrittenAlreadyEnded_IsCounted()
    {
        var at = new DateTime(2026, 12, 1, 10, 0, 30, DateTimeKind.Utc);
        await using var db = _services.OpenDatabase();
        db.Runs.Add(new RunEntity
        {
            Id = TimeOrderedId.New(at), WorkflowId = _version.WorkflowId, Status = RunStatus.Failed, Cause = RunCause.Retry, CorrelationId = Guid.NewGuid(), CreatedAt = at, FinishedAt = at,
        });
        await db.SaveChangesAsync();

        var rollup = Assert.Single(await db.RunRollups.AsNoTracking().Where(r => r.WorkflowId == _version.WorkflowId).ToListAsync());
        Assert.Equal((at.Ticks / TimeSpan.TicksPerMinute, 0, 1, 0), (rollup.Minute, rollup.Succeeded, rollup.Failed, rollup.Cancelled));
    }

    private NewRun NewRun() => new(_version.WorkflowId, _version.Id, "hook", RunCause.Webhook, "webhook", "test", "{}", null, null) { VersionNumber = _version.Number };
}
