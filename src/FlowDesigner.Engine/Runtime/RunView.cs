using System.Text.Json;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// A run as the steps of one pass see it: its rows, the latest attempt of each step, and the run's own fields as
/// expressions read them (<c>run.id</c>). Built once per pass and shared by the steps that run in it.
/// </summary>
internal sealed class RunView
{
    public RunView(WorkflowPlan plan, RunSnapshot snapshot, ParsedOutputs outputs, JsonElement runFields)
    {
        Snapshot = snapshot;
        State = new RunState(plan, snapshot.Steps, outputs);
        RunFields = runFields;
    }

    public RunSnapshot Snapshot { get; }

    public RunRecord Run => Snapshot.Run;

    public RunState State { get; }

    public JsonElement RunFields { get; }

    public static RunView Of(WorkflowPlan plan, RunSnapshot snapshot) => new(plan, snapshot, new ParsedOutputs(), FieldsOf(snapshot.Run));

    /// <summary>What <c>run</c> holds in an expression.</summary>
    public static JsonElement FieldsOf(RunRecord run) => JsonSerializer.SerializeToElement(new
    {
        id = run.Id,
        workflowId = run.WorkflowId,
        version = run.VersionNumber,
        startedAt = run.StartedAt ?? run.CreatedAt,
        correlationId = run.CorrelationId,
    });
}
