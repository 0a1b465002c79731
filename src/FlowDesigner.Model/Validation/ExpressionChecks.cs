using System.Text.Json;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Expressions;

namespace FlowDesigner.Model.Validation;

/// <summary>
/// What a node's settings say that would silently do nothing at run time: a JSON setting that is not JSON, an
/// unclosed <c>{{</c>, and an expression reading a step by name (<c>steps['X']</c>, <c>steps.X</c>) that does not run
/// before the node (its output would be missing). Each blocks publishing, named on the node and setting.
/// </summary>
internal static class ExpressionChecks
{
    public static void Check(GraphShape graph, Dictionary<NodeDefinition, NodeTypeDescriptor> types, List<ValidationIssue> issues)
    {
        var byKey = new Dictionary<string, NodeDefinition>(StringComparer.Ordinal);
        foreach (var node in types.Keys)
        {
            byKey.TryAdd(node.Id, node);
            byKey.TryAdd(node.Name, node);
        }

        foreach (var (node, type) in types)
        {
            HashSet<string>? upstream = null;
            foreach (var property in type.Properties.Where(p => p.AllowsExpressions && PropertyValues.IsVisible(type, node, p)))
            {
                if (!node.Config.TryGetValue(property.Name, out var value))
                {
                    continue;
                }

                var issue = new ValidationIssue("", "", IssueKind.Incomplete) { NodeId = node.Id, Property = property.Name };
                if (property.Editor == PropertyEditor.Json && JsonTemplate.Holds(value) && JsonTemplate.FindProblem(value.GetString()!) is { } problem)
                {
                    issues.Add(issue with { Code = "invalid-json", Message = $"'{node.Name}' › {property.Label}: {problem}" });
                    continue;
                }

                foreach (var text in Texts(value))
                {
                    IReadOnlyList<(bool IsExpression, string Text)> parts;
                    try
                    {
                        parts = ExpressionScanner.Split(text);
                    }
                    catch (FormatException exception)
                    {
                        issues.Add(issue with { Code = "expression-syntax", Message = $"'{node.Name}' › {property.Label}: {exception.Message}" });
                        continue;
                    }

                    foreach (var name in parts.Where(p => p.IsExpression).SelectMany(p => StepReferences.In(p.Text)).Distinct(StringComparer.Ordinal))
                    {
                        upstream ??= graph.Upstream(node.Id);
                        if (Problem(node, name, byKey, upstream) is { } message)
                        {
                            issues.Add(issue with { Code = "step-not-before", Message = $"'{node.Name}' › {property.Label}: {message}" });
                        }
                    }
                }
            }
        }
    }

    private static string? Problem(NodeDefinition node, string name, Dictionary<string, NodeDefinition> byKey, HashSet<string> upstream)
    {
        if (!byKey.TryGetValue(name, out var read))
        {
            return $"it reads steps['{name}'], but no node is named '{name}'. Use the name of a step before it.";
        }

        if (read.Id == node.Id)
        {
            return $"it reads steps['{name}'], its own output, which does not exist while it runs. Read a step before it.";
        }

        return upstream.Contains(read.Id)
            ? null
            : $"it reads steps['{name}'], but '{read.Name}' does not run before '{node.Name}', so its output would be missing. Link '{read.Name}' ahead of it, or read another step.";
    }

    /// <summary>The texts holding expressions in a setting's value, at any depth.</summary>
    private static IEnumerable<string> Texts(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when value.GetString() is { } text && text.Contains("{{", StringComparison.Ordinal):
                yield return text;
                break;
            case JsonValueKind.Object:
                foreach (var member in value.EnumerateObject().SelectMany(m => Texts(m.Value)))
                {
                    yield return member;
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray().SelectMany(Texts))
                {
                    yield return item;
                }

                break;
        }
    }
}
