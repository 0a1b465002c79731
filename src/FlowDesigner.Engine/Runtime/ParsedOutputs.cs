using System.Text.Json;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// The last few step outputs parsed on this thread, by the very string they were parsed from. Planning a run reads a
/// loop's list and the trigger's payload again and again while it advances; they are parsed once.
/// </summary>
internal static class ParsedOutputs
{
    private const int Kept = 4;

    [ThreadStatic]
    private static (string? Json, JsonElement Parsed)[]? _recent;

    [ThreadStatic]
    private static int _next;

    public static JsonElement Parse(string json)
    {
        var recent = _recent ??= new (string?, JsonElement)[Kept];
        foreach (var (known, parsed) in recent)
        {
            if (ReferenceEquals(known, json))
            {
                return parsed;
            }
        }

        var element = JsonDocument.Parse(json).RootElement.Clone();
        recent[_next] = (json, element);
        _next = (_next + 1) % Kept;
        return element;
    }
}
