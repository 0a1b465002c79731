using System.Text.Json;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// Step outputs parsed once while a run is advanced, by the very string they were parsed from: planning and the
/// steps' expressions read a loop's list and the trigger's payload again and again. The steps of one pass run at the
/// same time and share it.
/// </summary>
internal sealed class ParsedOutputs
{
    private static readonly JsonElement Null = JsonSerializer.SerializeToElement<object?>(null);
    private readonly Dictionary<string, JsonElement> _parsed = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _lock = new();

    public JsonElement Parse(string? json)
    {
        if (json is null)
        {
            return Null;
        }

        lock (_lock)
        {
            if (_parsed.TryGetValue(json, out var known))
            {
                return known;
            }
        }

        var parsed = ParseOnce(json);
        lock (_lock)
        {
            _parsed.TryAdd(json, parsed);
        }

        return parsed;
    }

    /// <summary>The output's text, remembered with the value it was written from, so it is not parsed back.</summary>
    public string Remember(JsonElement output)
    {
        var json = output.GetRawText();
        lock (_lock)
        {
            _parsed.TryAdd(json, output);
        }

        return json;
    }

    /// <summary>Parses an output that is read only once (a run's end, as the webhook answers it).</summary>
    public static JsonElement ParseOnce(string? json)
    {
        if (json is null)
        {
            return Null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
