using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Persistence.Entities;
using FlowDesigner.Testing;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Tests;

/// <summary>The feed of run changes, appended by the database as runs are written, read from a cursor and kept short.</summary>
public sealed class RunChangeTests : IAsyncLifetime
{
    private TestServices _services = default!;

    private IRunStore Runs => _services.Get<IRunStore>();

    public async Task InitializeAsync() => _services = await TestServices.StartAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task EveryChangeOfARunsStatus_IsAChange_ReadInOrderFromACursor_AndPruningKeepsTheNewest()
    {
        var workflow = await _services.Get<IWorkflowStore>().CreateAsync(new WorkflowDraft(WorkflowDefinition.Empty("Orders"), null, null), TestActors.Ann, "created", default);
        var before = await Runs.LatestChangeAsync(default);
        var ids = Enumerable.Range(0, 3).Select(_ => TimeOrderedId.New()).ToList();
        await using (var db = _services.OpenDatabase())
        {
            db.Runs.AddRange(ids.Select(id => new RunEntity
            {
                Id = id, WorkflowId = workflow.Id, Status = RunStatus.Pending, Cause = RunCause.Manual, CorrelationId = id, CreatedAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
            await db.Runs.Where(r => r.Id == ids[1]).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RunStatus.Running));
            await db.Runs.Where(r => r.Id == ids[1]).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RunStatus.Running)); // no change
            await db.Runs.Where(r => r.Id == ids[1]).ExecuteUpdateAsync(u => u.SetProperty(r => r.Error, "not a status write"));
            await db.Runs.Where(r => r.Id != ids[1]).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RunStatus.Succeeded));
            await db.Runs.Where(r => r.Id == ids[1]).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RunStatus.Failed));
        }

        var changes = await Runs.ReadChangesAsync(before, 100, default);
        var afterFirst = await Runs.ReadChangesAsync(changes[0].Seq, 100, default);
        await Runs.PruneChangesAsync(keep: 2, default);
        var kept = await Runs.ReadChangesAsync(0, 100, default);

        // Written pending, a run is news when it changes status: one running and then failed, two succeeded.
        Assert.Equal(4, changes.Count);
        Assert.Equal((ids[1], ids[1]), (changes[0].RunId, changes[^1].RunId));
        Assert.Equal(new[] { ids[0], ids[2] }.ToHashSet(), changes.Skip(1).Take(2).Select(c => c.RunId).ToHashSet());
        Assert.True(changes.Zip(changes.Skip(1)).All(p => p.First.Seq < p.Second.Seq));
        Assert.Equal(changes.Skip(1), afterFirst);
        Assert.Equal(changes.TakeLast(2), kept);
        Assert.Equal(changes[^1].Seq, await Runs.LatestChangeAsync(default));
        Assert.Equal(3, (await Runs.FindRunsAsync(ids.Append(Guid.NewGuid()).ToList(), default)).Count);
    }
}
