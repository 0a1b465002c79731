using FlowDesigner.Connectors;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Runs;
using FlowDesigner.Web.Designing;

namespace FlowDesigner.Web.Tests;

public sealed class MappingSourcesTests
{
    private static readonly NodeCatalog Catalog = NodeCatalog.FromAssembly(BuiltInNodes.Assembly);

    private static readonly WorkflowDefinition Workflow = WorkflowDefinitionJson.Parse("""
        { "schema": 1, "name": "Orders", "nodes": [
            { "id": "hook", "type": "core.webhook", "name": "Order placed", "config": { "path": "orders" } },
            { "id": "map", "type": "core.set", "name": "Bob's map", "config": { "fields": { "a": "1" } } },
            { "id": "crm", "type": "salesforce.create-record", "name": "Create order" },
            { "id": "last", "type": "core.set", "name": "Last", "config": { "fields": { "a": "1" } } },
            { "id": "aside", "type": "core.set", "name": "Aside", "config": { "fields": { "a": "1" } } } ],
          "edges": [ { "from": "hook", "port": "out", "to": "map" }, { "from": "map", "port": "out", "to": "crm" },
                     { "from": "crm", "port": "out", "to": "last" }, { "from": "hook", "port": "out", "to": "aside" } ] }
        """).Definition!;

    [Fact]
    public void For_ListsTheStepsBeforeTheNode_TriggerFirst_EachFromTheBestSampleThereIs()
    {
        var run = new Dictionary<string, StepRecord> { ["map"] = Step("map", """{ "orderId": "000001042" }""") };

        var sources = MappingSources.For("last", Workflow, Catalog, run, """{ "body": { "order": { "increment_id": "000001042" } } }""");

        Assert.Equal(["hook", "map", "crm"], sources.Select(s => s.NodeId));
        Assert.Equal(["trigger", "steps['Bob\\'s map']", "steps['Create order']"], sources.Select(s => s.Root));
        Assert.Equal([MappingSources.FromPinnedSample, MappingSources.FromTestRun, MappingSources.FromExample], sources.Select(s => s.Origin));
        Assert.Equal("000001042", sources[1].Sample!.Value.GetProperty("orderId").GetString());
        Assert.True(sources[2].Sample!.Value.GetProperty("success").GetBoolean());
    }

    [Fact]
    public void For_FallsBackToTheTypesExample_WhenThePinnedSampleIsNotJson()
    {
        var sources = MappingSources.For("map", Workflow, Catalog, null, "{ not json");

        var trigger = Assert.Single(sources);
        Assert.Equal(MappingSources.FromExample, trigger.Origin);
        Assert.Equal("POST", trigger.Sample!.Value.GetProperty("method").GetString());
    }

    [Theory]
    [InlineData("trigger", "body", "trigger.body")]
    [InlineData("trigger.body", "first name", "trigger.body['first name']")]
    [InlineData("trigger.body", "it's", "trigger.body['it\\'s']")]
    [InlineData("steps['Map']", "$id", "steps['Map'].$id")]
    public void Member_WritesAnIdentifierAfterADot_AndQuotesAnyOtherName(string path, string name, string expected)
    {
        Assert.Equal(expected, ExpressionPath.Member(path, name));
    }

    private static StepRecord Step(string nodeId, string output) =>
        new(1, Guid.NewGuid(), nodeId, "", 1, StepStatus.Succeeded, null, output, "out", null, null, null, null);
}
