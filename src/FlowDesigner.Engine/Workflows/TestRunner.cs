using System.Text.Json;
using FlowDesigner.Engine.Runtime;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Validation;
using FlowDesigner.Model.Users;

namespace FlowDesigner.Engine.Workflows;

/// <summary>
/// Runs a draft once with a sample trigger payload through the engine's own planner and executors, in memory:
/// nothing is published and no run is stored, but its steps really execute (an HTTP request is really sent). It
/// stops at what would wait (a delay, a retry's back-off, a called workflow) and says so.
/// </summary>
public sealed class TestRunner(InMemoryAdvance inMemory, GraphValidator validator, NodeCatalog catalog, TimeProvider clock)
{
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(60);

    public async Task<TestRunResult> RunAsync(Guid workflowId, WorkflowDefinition draft, JsonElement payload, Actor actor, CancellationToken cancellationToken)
    {
        var blocking = validator.Validate(draft).Where(i => i.Kind == IssueKind.Structure || i.Code == "no-trigger").ToList();
        if (blocking.Count > 0)
        {
            return new TestRunResult(RunStatus.Failed, [], null, "Fix the problems listed first.", null) { Issues = blocking };
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var version = new VersionRecord(Guid.NewGuid(), workflowId, 0, draft, null, null, now, actor.Name, "test run");
        var plan = new WorkflowPlan(version, catalog);
        var runId = TimeOrderedId.New();
        var run = new RunRecord(runId, workflowId, version.Id, 0, RunStatus.Running, RunCause.Manual, TimeOrderedId.New(), null, null, null, now, now, null);
        var trigger = new StepRecord(0, runId, plan.Trigger.Id, "", 1, StepStatus.Succeeded, null, payload.GetRawText(), "out", null, null, now, now);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Longest);
        RunChanges changes;
        try
        {
            (changes, _) = await inMemory.AdvanceAsync(plan, new RunSnapshot(run, [trigger]), TimeSpan.MaxValue, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new TestRunResult(RunStatus.Failed, [trigger], null, $"The test run took longer than {Longest.TotalSeconds:0} s and was stopped.", null);
        }

        var steps = new List<StepRecord> { trigger };
        steps.AddRange(changes.NewSteps);
        if (changes.End is { } end)
        {
            return new TestRunResult(end.Status, steps, end.OutputJson, end.Error, null);
        }

        var waiting = steps.FirstOrDefault(s => !s.IsTerminal);
        var stopped = waiting is null
            ? "The run went as far as it could."
            : $"Stopped at '{plan.Nodes[waiting.NodeId].Name}': "
                + (waiting.Status == StepStatus.Waiting
                    ? waiting.Attempt > 1 ? "it would be tried again later." : "it waits before going on."
                    : "it runs only in a published workflow.");
        return new TestRunResult(RunStatus.Running, steps, null, null, stopped);
    }
}
