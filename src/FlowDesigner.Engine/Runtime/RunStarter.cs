using System.Text.Json;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;

namespace FlowDesigner.Engine.Runtime;

/// <summary>Starts runs: the event and the run are committed first, and only then is the run advanced.</summary>
public sealed class RunStarter(IRunStore runs, PlanCache plans, RunQueue queue, EngineNode node, TimeProvider clock)
{
    /// <param name="callerAdvances">True when the caller advances the run itself (see <see cref="RunWorkers.AdvanceNowAsync"/>).</param>
    public async Task<RunStart> StartAsync(
        VersionRecord version, RunCause cause, JsonElement payload, RunOrigin origin, CancellationToken cancellationToken, bool callerAdvances = false)
    {
        var plan = await plans.GetAsync(version.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new NewRun(
            version.WorkflowId,
            version.Id,
            plan.Trigger.Id,
            cause,
            origin.EventType ?? plan.Trigger.Type,
            origin.Source,
            payload.GetRawText(),
            origin.CorrelationId,
            origin.DedupeKey)
        {
            CausedByRunId = origin.CausedByRunId,
            ParentStepId = origin.ParentStepId,
            VersionNumber = version.Number,
            Holder = node.Id,
        };
        var start = await runs.StartRunAsync(run, now, cancellationToken);
        if (!start.IsDuplicate && !callerAdvances)
        {
            queue.Enqueue(start.RunId, start.Snapshot);
        }

        return start;
    }
}
