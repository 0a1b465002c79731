using System.Text.Json;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;

namespace FlowDesigner.Engine.Runtime;

/// <summary>Starts runs: the event and the run are committed first, and only then is work handed to the job server.</summary>
public sealed class RunStarter(IRunStore runs, PlanCache plans, StepDispatcher dispatcher, TimeProvider clock)
{
    public async Task<RunStart> StartAsync(VersionRecord version, RunCause cause, JsonElement payload, RunOrigin origin, CancellationToken cancellationToken)
    {
        var plan = await plans.GetAsync(version.Id, cancellationToken);
        var run = new NewRun(
            version.WorkflowId,
            version.Id,
            plan.Trigger.Id,
            cause,
            origin.EventType ?? plan.Trigger.Type,
            origin.Source,
            payload.GetRawText(),
            origin.CorrelationId ?? Guid.CreateVersion7(),
            origin.DedupeKey)
        {
            CausedByRunId = origin.CausedByRunId,
            ParentStepId = origin.ParentStepId,
        };
        var start = await runs.StartRunAsync(run, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (!start.IsDuplicate)
        {
            dispatcher.Advance(start.RunId);
        }

        return start;
    }
}
