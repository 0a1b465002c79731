using System.Text.Json;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Tests;

public sealed class ReferenceWorkflowTests : EngineTestBase
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

    private const string Workflow = """
        { "schema": 1, "name": "Order fulfilment",
          "nodes": [
            { "id": "hook", "type": "core.webhook", "name": "Order placed", "config": { "path": "orders", "respond": "whenFinished", "responseTimeoutSeconds": 20 } },
            { "id": "map", "type": "core.set", "name": "Map order", "config": { "fields": {
                "orderId": "{{ trigger.body.order.increment_id }}", "email": "{{ trigger.body.order.customer_email }}", "lines": "{{ trigger.body.order.items }}" } } },
            { "id": "any", "type": "core.condition", "name": "Has service lines", "config": { "condition": "{{ steps['Map order'].lines.some(l => l.type === 'service') }}" } },
            { "id": "each", "type": "core.for-each", "name": "Each line", "config": { "items": "{{ steps['Map order'].lines }}", "parallelism": 2 } },
            { "id": "svc", "type": "core.condition", "name": "Is service", "config": { "condition": "{{ item.type === 'service' }}" } },
            { "id": "incident", "type": "http.request", "name": "Open incident", "config": { "method": "POST", "url": "{{ env.sink }}servicenow/incident", "bodyType": "json",
                "body": { "short_description": "Install {{ item.sku }} for order {{ steps['Map order'].orderId }}", "line": "{{ index }}" } } },
            { "id": "sales", "type": "http.request", "name": "Send to warehouse", "config": { "method": "POST", "url": "{{ env.sink }}netsuite/salesorder", "bodyType": "json",
                "body": "{{ ({ sku: item.sku, quantity: item.qty }) }}" } },
            { "id": "line", "type": "core.merge", "name": "Line done", "config": {} },
            { "id": "answer", "type": "core.respond", "name": "Answer", "config": { "body": "{{ ({ orderId: steps['Map order'].orderId, lines: steps['Each line'].length }) }}" } }
          ],
          "edges": [
            { "from": "hook", "port": "out", "to": "map" }, { "from": "map", "port": "out", "to": "any" },
            { "from": "any", "port": "true", "to": "each" }, { "from": "any", "port": "false", "to": "answer" },
            { "from": "each", "port": "each", "to": "svc" },
            { "from": "svc", "port": "true", "to": "incident" }, { "from": "svc", "port": "false", "to": "sales" },
            { "from": "incident", "port": "out", "to": "line" }, { "from": "sales", "port": "out", "to": "line" },
            { "from": "each", "port": "done", "to": "answer" }
          ] }
        """;

    [Fact]
    public async Task ReferenceOrderWorkflow_CallsBothSystems_AndRecordsEveryStep()
    {
        var workflowId = await Driver.PublishAsync(Workflow);

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
}
