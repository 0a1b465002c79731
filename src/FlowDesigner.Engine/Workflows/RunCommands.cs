using System.Text.Json;
using FlowDesigner.Engine.Runtime;
using FlowDesigner.Model.Events;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Users;

namespace FlowDesigner.Engine.Workflows;

/// <summary>What a person does to runs through the API: start one of a workflow's active version, cancel one. Each is audited.</summary>
public sealed class RunCommands(IVersionStore versions, IRunStore runs, RunStarter starter, RunAdvancer advancer, IAuditTrail audit)
{
    /// <summary>Starts a run of the active version with the payload; null when the workflow has none.</summary>
    public async Task<Guid?> StartAsync(Guid workflowId, JsonElement payload, Actor actor, CancellationToken cancellationToken)
    {
        return await versions.FindActiveAsync(workflowId, cancellationToken) is { } version
            ? await StartAsync(version, payload, actor, cancellationToken)
            : null;
    }

    /// <summary>Starts a run of the version by hand (Run now), with its audit entry.</summary>
    public async Task<Guid> StartAsync(VersionRecord version, JsonElement payload, Actor actor, CancellationToken cancellationToken)
    {
        var start = await starter.StartAsync(version, RunCause.Manual, payload, new RunOrigin(EventSources.Manual(actor.Name)), cancellationToken);
        await audit.WriteAsync("workflow", version.WorkflowId.ToString(), actor, "run.started",
            $"Run now: started run {start.RunId} of '{version.Definition.Name}' v{version.Number}", cancellationToken);
        return start.RunId;
    }

    /// <summary>Cancels a run that has not ended: its pending steps do not start.</summary>
    /// <returns>The run as it was, or null when there is none; a run that had ended is left as it is.</returns>
    public async Task<RunRecord?> CancelAsync(Guid runId, Actor actor, CancellationToken cancellationToken)
    {
        var run = await runs.FindRunAsync(runId, cancellationToken);
        if (run is null or { IsTerminal: true })
        {
            return run;
        }

        await advancer.EndAsync(run, RunStatus.Cancelled, null, $"Cancelled by {actor.Name}.", cancellationToken);
        await audit.WriteAsync("run", runId.ToString(), actor, "run.cancelled", $"Cancelled run {runId}", cancellationToken);
        return run;
    }
}
