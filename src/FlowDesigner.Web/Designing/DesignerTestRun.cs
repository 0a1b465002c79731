using System.Text.Json;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Users;

namespace FlowDesigner.Web.Designing;

/// <summary>The designer's test run: the draft run once with a sample payload, which is pinned to the workflow for the next one.</summary>
public sealed class DesignerTestRun(TestRunner tester, WorkflowService workflows)
{
    /// <summary>The last test run's result, which the canvas and the panel show; null before the first.</summary>
    public TestRunResult? Result { get; private set; }

    public bool Running { get; private set; }

    /// <summary>Pins the payload to the workflow, then runs the draft with it.</summary>
    /// <exception cref="Model.Stores.WorkflowNotFoundException">The workflow was deleted.</exception>
    /// <exception cref="ArgumentException">The payload is not JSON or is too large; the message says which.</exception>
    public async Task<TestRunResult> RunAsync(Guid workflowId, WorkflowDefinition draft, string payload, Actor actor, CancellationToken cancellationToken)
    {
        Running = true;
        try
        {
            await workflows.SetSamplePayloadAsync(workflowId, payload, cancellationToken);
            using var parsed = JsonDocument.Parse(payload);
            return Result = await tester.RunAsync(workflowId, draft, parsed.RootElement.Clone(), actor, cancellationToken);
        }
        finally
        {
            Running = false;
        }
    }
}
