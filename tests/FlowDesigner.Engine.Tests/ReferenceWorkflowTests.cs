using FlowDesigner.Testing;
using System.Text.Json;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Tests;

public class ReferenceWorkflowTests : EngineTestBase
{
    private static readonly object Order = new
    {
        order = new
        {
            increment_id = "000000123",
            customer_email = "ann@example.com",
            items = new object[]
            {
                new { sku = "CHAIR-1", type = "product", qty = 2 },
                new { sku = "INSTALL", type = "service", qty = 1 },
                new { sku = "DESK-9", type = "product", qty = 1 },
            },
        },
    };


    [Fact]
    public async Task ReferenceOrderWorkflow_CallsBothSystems_AndRecordsEveryStep()
    {
        var workflowId = await Driver.PublishAsync(Testing.ReferenceOrder.Workflow());

        var response = await Driver.PostAsync("orders", Order);

        Assert.True(response.StatusCode == 200, response.Body.GetRawText());
        Assert.Equal("""{"orderId":"000000123","lines":3}""", response.Body.GetRawText());
        var incident = Assert.Single(Sink.To("/servicenow/incident"));
        Assert.Contains("Install INSTALL for order 000000123", incident.Body);
        var sales = Sink.To("/netsuite/salesorder").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("sku").GetString()).Order();
        Assert.Equal(["CHAIR-1", "DESK-9"], sales);
        Assert.Equal(3, Sink.Requests.Select(r => r.IdempotencyKey).Distinct().Count());

        var run = await LatestRunAsync(workflowId);
        Assert.Equal(RunStatus.Succeeded, run.Run.Status);
        var byKey = run.Steps.ToDictionary(s => (s.NodeId, s.Scope));
        Assert.All(new[] { "hook", "map", "any", "each", "answer" }, id => Assert.Equal(StepStatus.Succeeded, byKey[(id, "")].Status));
        Assert.Equal("done", byKey[("each", "")].Port);
        Assert.Equal(StepStatus.Succeeded, byKey[("incident", "1")].Status);
        Assert.Equal(StepStatus.Skipped, byKey[("sales", "1")].Status);
        Assert.Equal(StepStatus.Skipped, byKey[("incident", "0")].Status);
        Assert.All(new[] { "0", "1", "2" }, item => Assert.Equal(StepStatus.Succeeded, byKey[("line", item)].Status));
        Assert.Contains("servicenow/incident", byKey[("incident", "1")].InputJson);
        Assert.All(run.Steps, s => Assert.True(s.IsTerminal));
    }

    [Fact]
    public async Task ARunFinishedInOneAdvance_StartsBeforeItsFirstStepRan_AndEndsAfterItsLast()
    {
        var workflowId = await Driver.PublishAsync(Testing.ReferenceOrder.Workflow());

        await Driver.PostAsync("orders", Order); // answered when the run has ended: one advance on the request

        var run = await LatestRunAsync(workflowId);
        var executed = run.Steps.Where(s => s.StartedAt is not null && s.NodeId != "hook").ToList();
        Assert.NotNull(run.Run.StartedAt);
        Assert.True(run.Run.StartedAt <= executed.Min(s => s.StartedAt), $"run started {run.Run.StartedAt:O}, first step {executed.Min(s => s.StartedAt):O}");
        Assert.True(run.Run.FinishedAt >= executed.Max(s => s.FinishedAt));
        Assert.True(run.Run.FinishedAt > run.Run.StartedAt, "the run's duration is the time its steps took, not zero");
        Assert.True(run.Run.StartedAt >= run.Run.CreatedAt);
    }

    [Fact]
    public async Task TestRunOfTheDraft_RunsEveryStepInMemory_WithoutPublishingOrStoringARun()
    {
        var imported = await Services.Get<Workflows.WorkflowService>().ImportAsync(Testing.ReferenceOrder.Workflow(), TestActors.Ann, default);
        var payload = JsonSerializer.SerializeToElement(new { body = Order });

        var result = await Services.Get<Workflows.TestRunner>().RunAsync(imported.Workflow!.Id, imported.Workflow.Definition, payload, TestActors.Ann, default);

        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Equal("""{"orderId":"000000123","lines":3}""", result.OutputJson);
        Assert.Equal(Testing.ReferenceOrder.StepsPerRun(3), result.Steps.Count);
        Assert.Equal(StepStatus.Skipped, result.Steps.Single(s => s.NodeId == "sales" && s.Scope == "1").Status);
        Assert.Equal(3, Sink.Requests.Count);
        Assert.Empty(await Services.Get<IRunStore>().ListRunsAsync(imported.Workflow.Id, 0, 10, default));
        Assert.Null(await Services.Get<Model.Stores.IVersionStore>().FindActiveAsync(imported.Workflow.Id, default));
    }

    [Fact]
    public async Task TestRun_StopsAtADelay_AndSaysWhere()
    {
        var imported = await Services.Get<Workflows.WorkflowService>().ImportAsync("""
            { "schema": 1, "name": "Pause", "nodes": [
              { "id": "hook", "type": "core.manual", "name": "Start" },
              { "id": "wait", "type": "core.delay", "name": "Wait a bit", "config": { "mode": "duration", "seconds": 60 } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "wait" } ] }
            """, TestActors.Ann, default);

        var result = await Services.Get<Workflows.TestRunner>().RunAsync(imported.Workflow!.Id, imported.Workflow.Definition, JsonSerializer.SerializeToElement(new { }), TestActors.Ann, default);

        Assert.Equal(RunStatus.Running, result.Status);
        Assert.Contains("'Wait a bit'", result.Stopped);
        Assert.Equal(StepStatus.Waiting, result.LatestByNode["wait"].Status);
    }
}
