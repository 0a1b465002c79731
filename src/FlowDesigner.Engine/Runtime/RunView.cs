using System.Text.Json;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// A run as its steps see it while it is advanced: the latest attempt of each step, and the run's own fields as
/// expressions read them (<c>run.id</c>). The steps of one pass share it; the rows they leave are recorded in it
/// between passes, never while they run.
/// </summary>
internal sealed class RunView(RunRecord run, RunState state, JsonElement runFields)
{
    private long _lastNewId;

    public RunRecord Run => run;

    public RunState State => state;

    public JsonElement RunFields => runFields;

    /// <summary>
    /// An id for a row this advance makes, until the store gives the row its own as it writes it: below zero, so that
    /// it is never a stored step's.
    /// </summary>
    public long NewStepId() => Interlocked.Decrement(ref _lastNewId);

    public static RunView Of(WorkflowPlan plan, RunSnapshot snapshot) =>
        new(snapshot.Run, new RunState(plan, snapshot.Steps, new ParsedOutputs()), FieldsOf(snapshot.Run));

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
