using System.Text.Json;
using FlowDesigner.Engine.Runtime;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Events;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Engine.Nodes;

/// <summary>
/// core.call-workflow: starts the active version of another workflow. Waiting for its output parks this step (no
/// worker is held); the engine finishes it when the sub-flow ends.
/// </summary>
internal sealed class CallWorkflowExecutor(IVersionStore versions, RunStarter starter) : ICoreNodeExecutor
{
    public string NodeType => CoreNodeTypes.CallWorkflow;

    public bool RunsInline => false;

    public async Task<NodeResult> ExecuteAsync(CoreNodeContext context, CancellationToken cancellationToken)
    {
        var target = context.Step.GetText("workflowId");
        if (!Guid.TryParse(target, out var workflowId) || await versions.FindActiveAsync(workflowId, cancellationToken) is not { } version)
        {
            throw new StepFailedException($"'{context.Step.NodeName}': workflow '{target}' does not exist or is not published.", retryable: false);
        }

        var payload = context.Step.GetConfig("payload") is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } given ? given : context.Step.Input;
        var wait = PropertyValues.AsText(context.Step.GetConfig("mode")) != "fireAndForget";
        var origin = new RunOrigin(EventSources.Run(context.Run.Id))
        {
            EventType = "workflow.called",
            CorrelationId = context.Run.CorrelationId,
            CausedByRunId = context.Run.Id,
            ParentStepId = wait ? context.StepId : null,
        };
        var started = await starter.StartAsync(version, RunCause.SubWorkflow, payload, origin, cancellationToken);
        var output = JsonSerializer.SerializeToElement(new { runId = started.RunId });
        return new NodeResult(output) { WaitsForRun = wait };
    }
}
