using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Testing;

namespace FlowDesigner.Persistence.Tests;

/// <summary>The feed of run changes, written with the runs it names, read from a cursor and kept short.</summary>
public class RunChangeTests : IAsyncLifetime
{
    private TestServices _services = default!;

    /// <summary>The database the tests write: SQLite, unless a class for PostgreSQL says otherwise.</summary>
    protected virtual StorageProvider Provider => StorageProvider.Sqlite;

    private IRunStore Runs => _services.Get<IRunStore>();

    public async Task InitializeAsync() => _services = await TestServices.StartAsync(provider: Provider);

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task ARunsStart_ItsFirstRunningAdvance_AndItsEnd_AreChanges_ReadInOrderFromACursor_AndPruningKeepsTheNewest()
    {
        var definition = WorkflowDefinition.Empty("Orders") with { Nodes = [new NodeDefinition("hook", "core.webhook", "Hook")] };
        var workflow = await _services.Get<IWorkflowStore>().CreateAsync(new WorkflowDraft(definition, "core.webhook", "POST orders"), TestActors.Ann, "created", default);
        var version = await _services.Get<IVersionStore>().PublishAsync(workflow.Id, definition, "core.webhook", "POST orders", null, TestActors.Ann, default);
        var before = await Runs.LatestChangeAsync(default);
        var newRun = new NewRun(version.WorkflowId, version.Id, "hook", RunCause.Webhook, "webhook", "test", "{}", null, null);

        var quick = (await Runs.StartRunAsync(newRun, DateTime.UtcNow, default)).RunId;
        var slow = (await Runs.StartRunAsync(newRun, DateTime.UtcNow, default)).RunId;
        await Runs.CommitAsync(quick, new RunChanges([], [], new RunEnd(RunStatus.Succeeded, null, null)), DateTime.UtcNow, default);
        var step = new StepRecord(-1, slow, "work", "", 1, StepStatus.Pending, null, null, null, null, null, null, null);
        await Runs.CommitAsync(slow, new RunChanges([step], [], null), DateTime.UtcNow, default); // it begins running
        await Runs.CommitAsync(slow, new RunChanges([step with { NodeId = "more" }], [], null), DateTime.UtcNow, default); // still running: no news
        await Runs.FinishRunAsync(slow, RunStatus.Cancelled, null, "Cancelled by ann.", DateTime.UtcNow, default);

        var changes = await Runs.ReadChangesAsync(before, count: 5);
        var afterFirst = await Runs.ReadChangesAsync(changes[0].Seq, 100, default);
        await Runs.PruneChangesAsync(keep: 2, default);
        var kept = await Runs.ReadChangesAsync(0, 100, default);

        Assert.Equal([quick, slow, quick, slow, slow], changes.Select(c => c.RunId));
        Assert.True(changes.Zip(changes.Skip(1)).All(p => p.First.Seq < p.Second.Seq));
        Assert.Equal(changes.Skip(1), afterFirst);
        Assert.Equal(changes.TakeLast(2), kept);
        Assert.Equal(changes[^1].Seq, await Runs.LatestChangeAsync(atLeast: changes[^1].Seq));
        Assert.Equal(2, (await Runs.FindRunsAsync([quick, slow, Guid.NewGuid()], default)).Count);
    }
}
