using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// The outputs a step's expressions can see, by node name and by node id: the latest finished attempt of each node
/// at the step's level or above it, in the step's own loop items. Each is looked up and parsed when first read, so a
/// step that reads one earlier output pays for that one only. Read while the run's state stands still (a pass).
/// </summary>
internal sealed class VisibleSteps(WorkflowPlan plan, RunState state, string stepScope) : IReadOnlyDictionary<string, JsonElement>
{
    private readonly int _depth = Scope.Depth(stepScope);

    public JsonElement this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys
    {
        get
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in plan.Nodes.Values)
            {
                if (Visible(node) is not null)
                {
                    keys.Add(node.Name);
                    keys.Add(node.Id);
                }
            }

            return keys;
        }
    }

    public IEnumerable<JsonElement> Values => Keys.Select(key => this[key]);

    public int Count => Keys.Count();

    public bool ContainsKey(string key) => Find(key) is not null;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonElement value)
    {
        if (Find(key) is not { } row)
        {
            value = default;
            return false;
        }

        value = state.Outputs.Parse(row.OutputJson);
        return true;
    }

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() =>
        Keys.Select(key => new KeyValuePair<string, JsonElement>(key, this[key])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private StepRecord? Find(string key) =>
        (plan.NodeNamed(key) is { } named ? Visible(named) : null)
        ?? (plan.Nodes.TryGetValue(key, out var node) ? Visible(node) : null);

    private StepRecord? Visible(NodeDefinition node)
    {
        var nodeDepth = plan.Depth(node.Id);
        return nodeDepth <= _depth
            && state.Latest(node.Id, Scope.Prefix(stepScope, nodeDepth)) is { Status: StepStatus.Succeeded or StepStatus.Failed, OutputJson: not null } row
            ? row
            : null;
    }
}
