using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Stores;
using FlowDesigner.Testing;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Engine.Tests;

public sealed class WorkflowServiceTests : IAsyncLifetime
{
    private const string OrderWorkflow = """
        {
          "schema": 1,
          "name": "Order fulfilment",
          "nodes": [
            { "id": "n1", "type": "core.webhook", "name": "Order placed", "position": { "x": 80, "y": 120 }, "config": { "path": "orders" } },
            { "id": "n2", "type": "core.set", "name": "Map order", "position": { "x": 320, "y": 120 },
              "config": { "fields": { "email": "{{ trigger.body.order.customer_email }}" } } },
            { "id": "n3", "type": "core.condition", "name": "Has service lines", "position": { "x": 560, "y": 120 }, "config": {} }
          ],
          "edges": [ { "from": "n1", "port": "out", "to": "n2" }, { "from": "n2", "port": "out", "to": "n3" } ]
        }
        """;

    private TestServices _services = default!;

    private WorkflowService Service => _services.Get<WorkflowService>();

    public async Task InitializeAsync() => _services = await TestServices.StartAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Import_OfMalformedJson_ChangesNothing_AndSaysWhere()
    {
        var result = await Service.ImportAsync("{ \"schema\": 1,\n  \"name\": \"Broken\",\n  \"nodes\": [ { \"id\": \"n1\" ", TestActors.Ann, default);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Line 3", Assert.Single(result.Problems));
        await AssertDatabaseIsEmptyAsync();
    }

    [Fact]
    public async Task Import_OfAnInvalidGraph_ChangesNothing_AndNamesTheNodes()
    {
        var cyclic = OrderWorkflow.Replace(
            "{ \"from\": \"n2\", \"port\": \"out\", \"to\": \"n3\" }",
            "{ \"from\": \"n2\", \"port\": \"out\", \"to\": \"n3\" }, { \"from\": \"n3\", \"port\": \"true\", \"to\": \"n2\" }, { \"from\": \"n3\", \"port\": \"maybe\", \"to\": \"n1\" }");

        var result = await Service.ImportAsync(cyclic, TestActors.Ann, default);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.StartsWith("Node n2:") && p.Contains("loop"));
        Assert.Contains(result.Problems, p => p.Contains("has no output 'maybe'"));
        await AssertDatabaseIsEmptyAsync();
    }

    [Fact]
    public async Task Import_OfAnUnfinishedGraph_SavesTheDraft_WithWarnings()
    {
        var result = await Service.ImportAsync(OrderWorkflow, TestActors.Ann, default);

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("required-property", "n3", "condition"), (warning.Code, warning.NodeId, warning.Property));
        var row = Assert.Single((await Service.ListAsync(new WorkflowQuery(), default)).Items);
        Assert.Equal(("Order fulfilment", "core.webhook", "POST /hooks/orders"), (row.Name, row.TriggerType, row.TriggerSummary));
    }

    [Fact]
    public async Task Import_RefusesAFileOverTheSizeLimit()
    {
        var result = await Service.ImportAsync(new string(' ', WorkflowService.MaxImportLength + 1), TestActors.Ann, default);

        Assert.Contains("at most 5 MB", Assert.Single(result.Problems));
        await AssertDatabaseIsEmptyAsync();
    }

    [Fact]
    public async Task Export_ThenImport_GivesTheSameDefinition()
    {
        var imported = (await Service.ImportAsync(OrderWorkflow, TestActors.Ann, default)).Workflow!;

        var export = await Service.ExportAsync(imported.Id, default);
        var again = await Service.ImportAsync(export.Json, TestActors.Ann, default);

        Assert.Equal("order-fulfilment.flow.json", export.FileName);
        Assert.Equal(WorkflowDefinitionJson.Serialize(imported.Definition), WorkflowDefinitionJson.Serialize(again.Workflow!.Definition));
    }

    [Fact]
    public async Task CreateRenameDuplicateDelete_AreEachAudited()
    {
        var created = await Service.CreateAsync("  Invoices  ", TestActors.Ann, default);
        var renamed = await Service.RenameAsync(created.Id, "Invoices to ERP", TestActors.Bob, default);
        var copy = await Service.DuplicateAsync(created.Id, TestActors.Ann, default);
        await Service.DeleteAsync(created.Id, TestActors.Ann, default);

        Assert.Equal("Invoices", created.Name);
        Assert.Equal("Invoices to ERP", renamed.Name);
        Assert.Equal("Invoices to ERP (copy)", copy.Name);
        Assert.Equal(["Invoices to ERP (copy)"], (await Service.ListAsync(new WorkflowQuery(), default)).Items.Select(w => w.Name));
        await using var db = _services.OpenDatabase();
        var actions = await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action + " " + a.Summary).ToListAsync();
        Assert.Equal(
            ["workflow.created Created 'Invoices'", "workflow.renamed Renamed 'Invoices' to 'Invoices to ERP'",
             "workflow.duplicated Duplicated 'Invoices to ERP (copy)'", "workflow.deleted Deleted 'Invoices to ERP'"],
            actions);
    }

    [Fact]
    public async Task Create_RefusesABlankName()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Service.CreateAsync("   ", TestActors.Ann, default));
        await AssertDatabaseIsEmptyAsync();
    }

    [Fact]
    public async Task SaveDraft_RefusesABrokenGraph_ButSavesAnUnfinishedOne()
    {
        var created = await Service.CreateAsync("Orders", TestActors.Ann, default);
        var unfinished = WorkflowDefinition.Empty("Orders") with { Nodes = [new NodeDefinition("n1", "core.set", "Map")] };
        var broken = unfinished with { Edges = [new EdgeDefinition("n1", "out", "n9")] };

        var refused = await Service.SaveDraftAsync(created.Id, broken, created.Revision, TestActors.Ann, default);
        var saved = await Service.SaveDraftAsync(created.Id, unfinished, created.Revision, TestActors.Ann, default);

        Assert.False(refused.Saved);
        Assert.Contains(refused.Issues, i => i.Code == "invalid-edge");
        Assert.True(saved.Saved);
        Assert.Equal(["no-trigger", "required-property"], saved.Issues.Select(i => i.Code).Order());
    }

    [Fact]
    public async Task SaveDraft_FromASecondTab_IsRefused()
    {
        var created = await Service.CreateAsync("Orders", TestActors.Ann, default);
        await Service.SaveDraftAsync(created.Id, WorkflowDefinition.Empty("Orders v2"), created.Revision, TestActors.Ann, default);

        await Assert.ThrowsAsync<WorkflowConflictException>(
            () => Service.SaveDraftAsync(created.Id, WorkflowDefinition.Empty("Orders v3"), created.Revision, TestActors.Bob, default));

        Assert.Equal("Orders v2", (await Service.FindAsync(created.Id, default))!.Name);
    }

    private async Task AssertDatabaseIsEmptyAsync()
    {
        await using var db = _services.OpenDatabase();
        Assert.Equal((0, 0), (await db.Workflows.CountAsync(), await db.AuditEntries.CountAsync()));
    }
}
