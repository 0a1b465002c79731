using System.Text.Json;
using FlowDesigner.Model.Definitions;

namespace FlowDesigner.Model.Tests;

/// <summary>Builds test graphs tersely: nodes by id and type, edges as "from:port->to".</summary>
internal static class Graph
{
    public static WorkflowDefinition Of(IEnumerable<NodeDefinition> nodes, params string[] edges) => new()
    {
        Name = "Test",
        Nodes = nodes.ToList(),
        Edges = edges.Select(ParseEdge).ToList(),
    };

    public static NodeDefinition Node(string id, string type, object? config = null) => new(id, type, $"Node {id}")
    {
        Config = config is null
            ? new Dictionary<string, JsonElement>()
            : JsonSerializer.SerializeToElement(config).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
    };

    public static NodeDefinition Trigger(string id = "t") => Node(id, "test.trigger");

    public static NodeDefinition Action(string id, string url = "https://example.test") => Node(id, "test.action", new { url });

    private static EdgeDefinition ParseEdge(string text)
    {
        var arrow = text.Split("->");
        var from = arrow[0].Split(':');
        return new EdgeDefinition(from[0], from.Length > 1 ? from[1] : "out", arrow[1]);
    }
}
