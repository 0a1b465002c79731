using System.Text.Json;
using FlowDesigner.Connectors;
using FlowDesigner.Engine.Expressions;
using FlowDesigner.Engine.Runtime;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Testing;

namespace FlowDesigner.Benchmarks.Micro;

/// <summary>The reference workflow and a run of it, as the micro-benchmarks need them.</summary>
internal static class MicroData
{
    private static readonly Guid RunId = Guid.NewGuid();

    private static long _lastStepId;

    public static JsonElement Line { get; } = JsonSerializer.SerializeToElement(new { sku = "SKU-0", type = "product", qty = 1 });

    public static JsonElement Trigger { get; } = JsonSerializer.SerializeToElement(new { body = ReferenceOrder.Order("000000123", 3) });

    public static ExpressionScope Scope() => new(
        Trigger,
        new Dictionary<string, JsonElement> { ["Map order"] = JsonSerializer.SerializeToElement(new { orderId = "000000123" }) },
        JsonSerializer.SerializeToElement(new { id = RunId }),
        new Dictionary<string, string> { ["sink"] = "http://127.0.0.1:1/" });

    public static WorkflowPlan Plan()
    {
        var definition = WorkflowDefinitionJson.Parse(ReferenceOrder.Workflow()).Definition!;
        var version = new VersionRecord(Guid.NewGuid(), Guid.NewGuid(), 1, definition, "core.webhook", "POST orders", DateTime.UtcNow, "bench", null);
        return new WorkflowPlan(version, NodeCatalog.FromAssembly(BuiltInNodes.Assembly));
    }

    /// <summary>Trigger to for-each done; item 0 finished, item 1 at its incident call, item 2 not started.</summary>
    public static IReadOnlyList<StepRecord> HalfwaySteps()
    {
        var loop = JsonSerializer.Serialize(new { items = new[] { Line, Line, Line }, parallelism = 2 });
        return
        [
            Step("hook", "", StepStatus.Succeeded, Trigger.GetRawText(), "out"),
            Step("map", "", StepStatus.Succeeded, "{\"orderId\":\"000000123\"}", "out"),
            Step("any", "", StepStatus.Succeeded, "{}", "true"),
            Step("each", "", StepStatus.Succeeded, loop, "each"),
            Step("svc", "0", StepStatus.Succeeded, "{}", "false"),
            Step("incident", "0", StepStatus.Skipped, null, null),
            Step("sales", "0", StepStatus.Succeeded, "{\"status\":200}", "out"),
            Step("line", "0", StepStatus.Succeeded, "{}", "out"),
            Step("svc", "1", StepStatus.Succeeded, "{}", "true"),
            Step("incident", "1", StepStatus.Running, null, null),
            Step("sales", "1", StepStatus.Skipped, null, null),
        ];
    }

    private static StepRecord Step(string node, string scope, StepStatus status, string? output, string? port) =>
        new(++_lastStepId, RunId, node, scope, 1, status, null, output, port, null, null, DateTime.UtcNow, status == StepStatus.Running ? null : DateTime.UtcNow);
}
