using System.Text.Json;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Web.Designing;

/// <summary>
/// What the selected node can map from: the output of every step before it, as the last test run produced it, else
/// the workflow's pinned sample (for the trigger), else the example its node type declares.
/// </summary>
public static class MappingSources
{
    public const string FromTestRun = "from the last test run";
    public const string FromPinnedSample = "from the pinned sample";
    public const string FromExample = "an example of its output";

    public static IReadOnlyList<MappingSource> For(
        string nodeId, WorkflowDefinition definition, NodeCatalog catalog, IReadOnlyDictionary<string, StepRecord>? lastRun, string? samplePayload)
    {
        var earlier = new GraphShape(definition.Nodes.Select(n => n.Id), definition.Edges).Upstream(nodeId);
        return
        [
            .. definition.Nodes
                .Where(n => earlier.Contains(n.Id))
                .Select(n => (Node: n, Type: catalog.FindNodeType(n.Type)))
                .OrderBy(n => n.Type?.Kind == NodeKind.Trigger ? 0 : 1)
                .Select(n => Source(n.Node, n.Type, lastRun?.GetValueOrDefault(n.Node.Id), samplePayload)),
        ];
    }

    private static MappingSource Source(NodeDefinition node, NodeTypeDescriptor? type, StepRecord? step, string? samplePayload)
    {
        var trigger = type?.Kind == NodeKind.Trigger;
        var root = trigger ? "trigger" : $"steps['{node.Name.Replace("\\", "\\\\").Replace("'", "\\'")}']";
        var (sample, origin) =
            Parse(step?.OutputJson) is { } ran ? (ran, FromTestRun)
            : trigger && Parse(samplePayload) is { } pinned ? (pinned, FromPinnedSample)
            : Parse(type?.ExampleOutputJson) is { } example ? (example, FromExample)
            : ((JsonElement?)null, "no output known yet: a test run shows it");
        return new MappingSource(node.Id, node.Name, type?.Icon ?? "icons/node.svg", root, sample, origin);
    }

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
