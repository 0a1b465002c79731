using System.Text.Json;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Model.Validation;

/// <summary>
/// Checks a workflow graph against the node catalog and returns every issue found, each tied to a node,
/// edge or property. Structure issues block saving; incomplete ones only block publishing.
/// </summary>
public sealed class GraphValidator(NodeCatalog catalog)
{
    public IReadOnlyList<ValidationIssue> Validate(WorkflowDefinition definition)
    {
        var issues = new List<ValidationIssue>();
        var nodes = IndexNodes(definition, issues);
        var types = ResolveTypes(nodes.Values, issues);
        CheckTriggers(types, issues);
        var validEdges = CheckEdges(definition, nodes, types, issues);
        var graph = new GraphShape(nodes.Keys, validEdges);
        CheckCycles(graph, nodes, issues);
        CheckReachable(graph, types, issues);
        CheckProperties(types, issues);
        ExpressionChecks.Check(graph, types, issues);
        ForEachContainment.Check(graph, types, issues);
        return issues;
    }

    private static Dictionary<string, NodeDefinition> IndexNodes(WorkflowDefinition definition, List<ValidationIssue> issues)
    {
        var nodes = new Dictionary<string, NodeDefinition>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in definition.Nodes)
        {
            if (!nodes.TryAdd(node.Id, node))
            {
                issues.Add(new("duplicate-id", $"Two nodes have the id '{node.Id}'. Every node needs its own id.", IssueKind.Structure) { NodeId = node.Id });
                continue;
            }

            if (!names.TryAdd(node.Name.Trim(), node.Id))
            {
                issues.Add(new("duplicate-name",
                    $"Another node is also named '{node.Name}'. Give each node its own name so that expressions can refer to it.",
                    IssueKind.Incomplete) { NodeId = node.Id, Property = "name" });
            }
        }

        return nodes;
    }

    private Dictionary<NodeDefinition, NodeTypeDescriptor> ResolveTypes(IEnumerable<NodeDefinition> nodes, List<ValidationIssue> issues)
    {
        var types = new Dictionary<NodeDefinition, NodeTypeDescriptor>(ReferenceEqualityComparer.Instance);
        foreach (var node in nodes)
        {
            if (catalog.FindNodeType(node.Type) is { } type)
            {
                types[node] = type;
            }
            else
            {
                issues.Add(new("unknown-type",
                    $"'{node.Name}' is of type '{node.Type}', which this FlowDesigner does not know. Replace it with a known node or install the connector that provides it.",
                    IssueKind.Structure) { NodeId = node.Id });
            }
        }

        return types;
    }

    private static void CheckTriggers(Dictionary<NodeDefinition, NodeTypeDescriptor> types, List<ValidationIssue> issues)
    {
        var triggers = types.Where(t => t.Value.Kind == NodeKind.Trigger).Select(t => t.Key).ToList();
        if (triggers.Count == 0)
        {
            issues.Add(new("no-trigger", "The workflow has no trigger. Add one (a webhook, a schedule, an event ...) so that it knows when to run.", IssueKind.Incomplete));
        }

        foreach (var extra in triggers.Skip(1))
        {
            issues.Add(new("second-trigger",
                $"'{extra.Name}' is a second trigger; a workflow starts from exactly one. Remove it, or move it into a workflow of its own.",
                IssueKind.Structure) { NodeId = extra.Id });
        }
    }

    /// <summary>A node the trigger cannot reach would never run: it is named, and blocks publishing (not saving).</summary>
    private static void CheckReachable(GraphShape graph, Dictionary<NodeDefinition, NodeTypeDescriptor> types, List<ValidationIssue> issues)
    {
        if (types.Where(t => t.Value.Kind == NodeKind.Trigger).Select(t => t.Key).ToList() is not [var trigger])
        {
            return; // no trigger, or several: those issues say what to do first
        }

        var reached = graph.ReachableFrom([trigger.Id]);
        foreach (var node in types.Keys.Where(n => !reached.Contains(n.Id)))
        {
            issues.Add(new("unreachable", $"'{node.Name}' is not connected to the trigger: link it or delete it.", IssueKind.Incomplete) { NodeId = node.Id });
        }
    }

    private static List<EdgeDefinition> CheckEdges(
        WorkflowDefinition definition,
        Dictionary<string, NodeDefinition> nodes,
        Dictionary<NodeDefinition, NodeTypeDescriptor> types,
        List<ValidationIssue> issues)
    {
        var valid = new List<EdgeDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edge in definition.Edges)
        {
            var problem = FindEdgeProblem(edge, nodes, types);
            if (problem is null && !seen.Add(edge.Key))
            {
                problem = "This link is drawn twice. Remove one of them.";
            }

            if (problem is null)
            {
                valid.Add(edge);
                continue;
            }

            issues.Add(new("invalid-edge", problem, IssueKind.Structure)
            {
                EdgeKey = edge.Key,
                NodeId = nodes.ContainsKey(edge.From) ? edge.From : nodes.ContainsKey(edge.To) ? edge.To : null,
            });
        }

        return valid;
    }

    private static string? FindEdgeProblem(
        EdgeDefinition edge,
        Dictionary<string, NodeDefinition> nodes,
        Dictionary<NodeDefinition, NodeTypeDescriptor> types)
    {
        if (!nodes.TryGetValue(edge.From, out var from))
        {
            return $"A link starts at node '{edge.From}', which does not exist.";
        }

        if (!nodes.TryGetValue(edge.To, out var to))
        {
            return $"A link from '{from.Name}' ends at node '{edge.To}', which does not exist.";
        }

        if (edge.From == edge.To)
        {
            return $"'{from.Name}' is linked to itself. A node cannot feed its own input.";
        }

        if (types.TryGetValue(from, out var fromType) && fromType.PortsOf(from).All(p => p.Name != edge.Port))
        {
            var ports = string.Join(", ", fromType.PortsOf(from).Select(p => $"'{p.Name}'"));
            return ports.Length == 0
                ? $"'{from.Name}' ends the run and has no output, but a link leaves it from '{edge.Port}'."
                : $"'{from.Name}' has no output '{edge.Port}'; its outputs are {ports}.";
        }

        return types.TryGetValue(to, out var toType) && !toType.HasInput
            ? $"A link enters the trigger '{to.Name}'. A trigger starts the workflow and takes no input."
            : null;
    }

    private static void CheckCycles(GraphShape graph, Dictionary<string, NodeDefinition> nodes, List<ValidationIssue> issues)
    {
        foreach (var id in graph.NodesOnCycles())
        {
            issues.Add(new("cycle",
                $"'{nodes[id].Name}' is part of a loop: following its links leads back to it. Remove one link of the loop; use a for-each node to repeat work.",
                IssueKind.Structure) { NodeId = id });
        }
    }

    private static void CheckProperties(Dictionary<NodeDefinition, NodeTypeDescriptor> types, List<ValidationIssue> issues)
    {
        foreach (var (node, type) in types)
        {
            if (PropertyValues.NeedsCredential(type, node) && string.IsNullOrWhiteSpace(node.Credential))
            {
                var message = type.CredentialWhen is null
                    ? $"'{node.Name}' needs a credential to sign in with. Choose one in its settings."
                    : $"'{node.Name}' checks requests with a secret. Choose the credential that holds it in its settings.";
                issues.Add(new("missing-credential", message, IssueKind.Incomplete)
                {
                    NodeId = node.Id,
                    Property = "credential",
                });
            }

            foreach (var property in type.Properties.Where(p => PropertyValues.IsVisible(type, node, p)))
            {
                var value = PropertyValues.Effective(node, property);
                if (property.Required && !PropertyValues.IsSet(value))
                {
                    issues.Add(new("required-property", $"'{node.Name}' needs a value for '{property.Label}'.", IssueKind.Incomplete)
                    {
                        NodeId = node.Id,
                        Property = property.Name,
                    });
                }
                else if (property.Options.Count > 0 && PropertyValues.IsSet(value)
                    && property.Options.All(o => o.Value != PropertyValues.AsText(value)))
                {
                    var allowed = string.Join(", ", property.Options.Select(o => $"'{o.Label}'"));
                    issues.Add(new("invalid-option",
                        $"'{node.Name}': '{PropertyValues.AsText(value)}' is not a choice for '{property.Label}'. Pick one of {allowed}.",
                        IssueKind.Incomplete) { NodeId = node.Id, Property = property.Name });
                }
                else if (property.Minimum is { } minimum && value is { ValueKind: JsonValueKind.Number } number && number.GetDouble() < minimum)
                {
                    issues.Add(new("below-minimum",
                        $"'{node.Name}': '{property.Label}' is {number.GetRawText()}; it must be at least {minimum}.",
                        IssueKind.Incomplete) { NodeId = node.Id, Property = property.Name });
                }
            }
        }
    }
}
