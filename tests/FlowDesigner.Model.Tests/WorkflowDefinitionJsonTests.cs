using System.Text.Json;
using FlowDesigner.Model.Definitions;

namespace FlowDesigner.Model.Tests;

public sealed class WorkflowDefinitionJsonTests
{
    private const string Sample = """
        {
          "schema": 1,
          "name": "Order fulfilment",
          "nodes": [
            { "id": "n1", "type": "core.webhook", "name": "Order placed", "position": { "x": 80, "y": 120 },
              "config": { "path": "orders", "respond": "whenFinished", "responseTimeoutSeconds": 30 },
              "retry": { "maxAttempts": 5, "backoff": "exponential", "initialSeconds": 2 }, "timeoutSeconds": 30 },
            { "id": "n2", "type": "core.set", "name": "Map order", "position": { "x": 320, "y": 120 },
              "config": { "fields": { "email": "{{ trigger.body.order.customer_email }}" }, "keepInput": false, "lines": [1, 2.5, null] },
              "credential": "3f2a" }
          ],
          "edges": [ { "from": "n1", "port": "out", "to": "n2" } ],
          "notes": [ { "id": "note1", "text": "Orders from the shop", "position": { "x": 60, "y": 20 }, "width": 300, "height": 80 } ]
        }
        """;

    [Fact]
    public void Parse_ThenSerialize_KeepsEveryField()
    {
        var parsed = WorkflowDefinitionJson.Parse(Sample);

        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Problems));
        var definition = parsed.Definition;
        Assert.Equal(("Order fulfilment", 1, 2, 1, 1), (definition.Name, definition.Schema, definition.Nodes.Count, definition.Edges.Count, definition.Notes.Count));
        var webhook = definition.Nodes[0];
        Assert.Equal(new Position(80, 120), webhook.Position);
        Assert.Equal(new RetryPolicy(5, BackoffKind.Exponential, 2), webhook.Retry);
        Assert.Equal(30, webhook.TimeoutSeconds);
        Assert.Equal("orders", webhook.Config["path"].GetString());
        Assert.Equal("3f2a", definition.Nodes[1].Credential);
        Assert.Equal(new EdgeDefinition("n1", "out", "n2"), definition.Edges[0]);
        Assert.Equal(new NoteDefinition("Orders from the shop") { Id = "note1", Position = new(60, 20), Width = 300, Height = 80 }, definition.Notes[0]);

        var again = WorkflowDefinitionJson.Parse(WorkflowDefinitionJson.Serialize(definition, indented: true));
        Assert.True(again.Succeeded);
        Assert.Equal(WorkflowDefinitionJson.Serialize(definition), WorkflowDefinitionJson.Serialize(again.Definition));
        Assert.True(JsonElement.DeepEquals(Normalize(Sample), Normalize(WorkflowDefinitionJson.Serialize(again.Definition))));
    }

    [Fact]
    public void Serialize_WritesTheDocumentedShape()
    {
        var definition = WorkflowDefinition.Empty("Tiny") with
        {
            Nodes = [new NodeDefinition("n1", "core.manual", "Start") { Retry = RetryPolicy.Exponential(3, 1.5) }],
        };

        using var json = JsonDocument.Parse(WorkflowDefinitionJson.Serialize(definition));
        var node = json.RootElement.GetProperty("nodes")[0];

        Assert.Equal(1, json.RootElement.GetProperty("schema").GetInt32());
        Assert.Equal("exponential", node.GetProperty("retry").GetProperty("backoff").GetString());
        Assert.Equal(0, node.GetProperty("position").GetProperty("x").GetDouble());
        Assert.False(node.TryGetProperty("credential", out _));
    }

    [Fact]
    public void Parse_ReportsLineAndColumn_WhenJsonIsMalformed()
    {
        var result = WorkflowDefinitionJson.Parse("{\n  \"schema\": 1,\n  \"name\": \"x\"\n  \"nodes\": []\n}");

        var problem = Assert.Single(result.Problems);
        Assert.False(result.Succeeded);
        Assert.Equal(4, problem.Line);
        Assert.StartsWith("Line 4, column 3: The file is not valid JSON", problem.ToString());
    }

    [Fact]
    public void Parse_ReportsFieldAndExpectedType_WhenAValueHasTheWrongType()
    {
        var json = Sample.Replace("\"x\": 80", "\"x\": \"left\"");

        var problem = Assert.Single(WorkflowDefinitionJson.Parse(json).Problems);

        Assert.Equal("nodes[0].position.x", problem.Field);
        Assert.Contains("expected a number", problem.Message);
        Assert.InRange(problem.Line ?? 0, 5, 7); // the node holding the value: records are read whole, so the line may be its end
    }

    [Fact]
    public void Parse_ReportsMisspelledField()
    {
        var problem = Assert.Single(WorkflowDefinitionJson.Parse(Sample.Replace("\"edges\"", "\"edgez\"")).Problems);

        Assert.Contains("\"edgez\" is not a field", problem.Message);
    }

    [Fact]
    public void Parse_ReportsBackoffThatIsNotKnown()
    {
        var problem = Assert.Single(WorkflowDefinitionJson.Parse(Sample.Replace("\"exponential\"", "\"random\"")).Problems);

        Assert.Equal("nodes[0].retry.backoff", problem.Field);
        Assert.Contains("\"fixed\" or \"exponential\"", problem.Message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("{ \"name\": \"x\" }", "\"schema\" is missing")]
    [InlineData("{ \"schema\": \"one\" }", "whole number")]
    [InlineData("{ \"schema\": 7, \"name\": \"x\" }", "newer FlowDesigner (schema 7)")]
    public void Parse_RefusesFile_ThatIsNotAWorkflowOfThisSchema(string json, string expected)
    {
        var result = WorkflowDefinitionJson.Parse(json);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Parse_ReportsEveryMissingRequiredField()
    {
        var json = """{ "schema": 1, "name": " ", "nodes": [ { "id": "n1", "name": "A" } ], "edges": [ { "from": "n1" } ] }""";

        var fields = WorkflowDefinitionJson.Parse(json).Problems.Select(p => p.Field);

        Assert.Equal(["name", "nodes[0].type", "edges[0].port", "edges[0].to"], fields);
    }

    [Fact]
    public void Parse_TreatsMissingListsAsEmpty()
    {
        var result = WorkflowDefinitionJson.Parse("""{ "schema": 1, "name": "Empty", "nodes": null }""");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Definition.Nodes);
        Assert.Empty(result.Definition.Edges);
    }

    private static JsonElement Normalize(string json) => JsonDocument.Parse(json).RootElement;
}
