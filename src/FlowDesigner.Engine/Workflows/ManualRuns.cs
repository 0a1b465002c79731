using System.Text.Json;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Users;

namespace FlowDesigner.Engine.Workflows;

/// <summary>Run now: starts a run of the active version of a workflow that begins with a Manual start trigger.</summary>
public sealed class ManualRuns(IVersionStore versions, RunCommands commands)
{
    /// <summary>The payload a Run now starts with unless changed: the trigger's own, else an empty object.</summary>
    public async Task<string> SamplePayloadAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        var version = await versions.FindActiveAsync(workflowId, cancellationToken);
        var trigger = version?.Definition.Nodes.FirstOrDefault(n => n.Type == CoreNodeTypes.Manual);
        return trigger?.GetConfig("samplePayload") is { ValueKind: JsonValueKind.Object or JsonValueKind.Array } sample
            ? JsonSerializer.Serialize(sample, Indented)
            : "{}";
    }

    /// <summary>Starts a run with the payload; refused, with what to do, when the workflow cannot be run by hand.</summary>
    public async Task<ManualRunResult> StartAsync(Guid workflowId, JsonElement payload, Actor actor, CancellationToken cancellationToken)
    {
        if (await versions.FindActiveAsync(workflowId, cancellationToken) is not { } version)
        {
            return ManualRunResult.Refused("This workflow has no active version. Publish it, or activate a version, to run it.");
        }

        if (version.TriggerType != CoreNodeTypes.Manual)
        {
            return ManualRunResult.Refused("Only a workflow that begins with a Manual start trigger runs on demand; this one starts from its own trigger.");
        }

        return new ManualRunResult(await commands.StartAsync(version, payload, actor, cancellationToken), null);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
