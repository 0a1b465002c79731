using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// The outputs a step's expressions can see, by node name and by node id. An output is parsed when first read, so a
/// step that reads one earlier output does not pay for all of them.
/// </summary>
internal sealed class VisibleSteps(IReadOnlyDictionary<string, StepRecord> rows, ParsedOutputs outputs) : IReadOnlyDictionary<string, JsonElement>
{
    public JsonElement this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => rows.Keys;

    public IEnumerable<JsonElement> Values => rows.Keys.Select(key => this[key]);

    public int Count => rows.Count;

    public bool ContainsKey(string key) => rows.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonElement value)
    {
        if (!rows.TryGetValue(key, out var row))
        {
            value = default;
            return false;
        }

        value = outputs.Parse(row.OutputJson);
        return true;
    }

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() =>
        rows.Keys.Select(key => new KeyValuePair<string, JsonElement>(key, this[key])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
