using System.Text;
using System.Text.Json;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Persistence.Columns;

/// <summary>
/// Keeps a run's outputs stored once. A step's output that repeats a value already stored for the run is written
/// as a reference to it (<see cref="StoredOutput"/> texts begin with <c>=</c>, which no JSON does):
/// <list type="bullet">
/// <item><c>=input/NAME</c>: the value of the step's own setting NAME (a map's output is its <c>fields</c>).</item>
/// <item><c>=ATTEMPT/SCOPE/NODE</c>: the output of another step of the run (a condition or merge passing on what it got).</item>
/// <item><c>=[...]</c>: an array whose every item is another step's output, each by its reference (a for-each's results).</item>
/// <item><c>=ATTEMPT/SCOPE/NODE#I</c>: item I of a for-each's list, as its step's settings hold it (a condition passing
/// on the item it tested): the list is stored once, and each item's steps refer to their index.</item>
/// </list>
/// Reads resolve them (<see cref="Resolve"/>), so a run reads back exactly as it was written.
/// </summary>
internal static class OutputReferences
{
    private const string InputPrefix = "=input/";

    /// <summary>How many of the run's latest steps an output is compared with: a long loop's run is not hashed whole at every advance.</summary>
    private const int MostEarlier = 512;

    /// <summary>The rows of an advance with the outputs that repeat a value of the run as references.</summary>
    /// <param name="earlier">The run's steps as the advance read them (their outputs as written, not as stored).</param>
    public static (IReadOnlyList<StepRecord> Steps, IReadOnlyList<LoopResults> Loops, StepRecord? Completed) Encode(
        IReadOnlyList<StepRecord> earlier, IReadOnlyList<StepRecord> steps, IReadOnlyList<LoopResults> loops, StepRecord? completed)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var rewritten = steps.Select(s => s.Id).Append(completed?.Id ?? 0).ToHashSet();
        foreach (var step in earlier.Skip(Math.Max(0, earlier.Count - MostEarlier)))
        {
            if (!rewritten.Contains(step.Id))
            {
                Learn(known, step);
            }
        }

        // References never lead in a circle: an output refers only to a step whose output was known before it (the
        // first step to hold a text keeps it). Arrays come last, once every output of the advance is known (a
        // for-each's row may come before its items' rows).
        StepRecord Stored(StepRecord step)
        {
            var reference = Reference(step, known);
            Learn(known, step);
            return reference is null ? step : step with { OutputJson = reference };
        }

        StepRecord WithArray(StepRecord step) =>
            step.OutputJson is ['[', ..] output && ArrayReference(output, known) is { } reference ? step with { OutputJson = reference } : step;

        var storedCompleted = completed is null ? null : Stored(completed);
        var storedSteps = steps.Select(Stored).ToList();
        storedCompleted = storedCompleted is null ? null : WithArray(storedCompleted);
        storedSteps = storedSteps.Select(WithArray).ToList();
        var storedLoops = loops.Select(l => l with { ResultsJson = ArrayReference(l.ResultsJson, known) ?? l.ResultsJson }).ToList();
        return (storedSteps, storedLoops, storedCompleted);
    }

    /// <summary>The run's steps with every stored reference replaced by the output it names.</summary>
    public static IReadOnlyList<StepRecord> Resolve(IReadOnlyList<StepRecord> steps)
    {
        if (!steps.Any(IsReference))
        {
            return steps;
        }

        var byKey = steps.ToDictionary(Key, StringComparer.Ordinal);
        var resolved = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? OutputOf(StepRecord step, int depth)
        {
            if (!IsReference(step))
            {
                return step.OutputJson;
            }

            var key = Key(step);
            if (resolved.TryGetValue(key, out var done))
            {
                return done;
            }

            var text = step.OutputJson!;
            var output = depth > steps.Count ? null // a reference cannot lead back to itself; this only guards a damaged row
                : text.StartsWith(InputPrefix, StringComparison.Ordinal) ? InputValue(step.InputJson, text[InputPrefix.Length..])
                : text.StartsWith("=[", StringComparison.Ordinal) ? Array(text, depth)
                : byKey.TryGetValue(text[1..], out var target) ? OutputOf(target, depth + 1)
                : Item(text[1..]);
            resolved[key] = output;
            return output;
        }

        // An item of a for-each's list: the key of the for-each's step, '#', and the item's index. Each list is read
        // once, however many of its items' steps refer to it.
        var lists = new Dictionary<string, List<string>?>(StringComparer.Ordinal);
        string? Item(string key)
        {
            var hash = key.LastIndexOf('#');
            if (hash <= 0 || !byKey.TryGetValue(key[..hash], out var loop) || !int.TryParse(key[(hash + 1)..], out var index))
            {
                return null;
            }

            if (!lists.TryGetValue(key[..hash], out var items))
            {
                lists[key[..hash]] = items = ItemsOf(loop.InputJson);
            }

            return items is not null && index < items.Count ? items[index] : null;
        }

        string Array(string text, int depth)
        {
            using var references = JsonDocument.Parse(text[1..]);
            var json = new StringBuilder("[");
            foreach (var item in references.RootElement.EnumerateArray())
            {
                var key = item.GetString()!;
                json.Append(json.Length > 1 ? "," : "").Append((byKey.TryGetValue(key, out var target) ? OutputOf(target, depth + 1) : Item(key)) ?? "null");
            }

            return json.Append(']').ToString();
        }

        return steps.Select(s => IsReference(s) ? s with { OutputJson = OutputOf(s, 0) } : s).ToList();
    }

    public static bool IsReference(StepRecord step) => step.OutputJson is ['=', ..] text && text != StoredOutput.EventPayload;

    private static string Key(StepRecord step) => $"{step.Attempt}/{step.Scope}/{step.NodeId}";

    /// <summary>
    /// Remembers a step's output as one later outputs may refer to (a loop still iterating has no final output yet),
    /// and a for-each's items, as its settings hold them.
    /// </summary>
    private static void Learn(Dictionary<string, string> known, StepRecord step)
    {
        if (step.Status != StepStatus.Succeeded)
        {
            return;
        }

        if (step.OutputJson is { Length: > 0 } output && output[0] != '=' && step.Port != "each")
        {
            known.TryAdd(output, Key(step));
        }

        if (step.Port is "each" or "done" && ItemsOf(step.InputJson) is { } items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                known.TryAdd(items[i], $"{Key(step)}#{i}");
            }
        }
    }

    /// <summary>The items of a for-each's list as its settings hold them (each as written), or null.</summary>
    private static List<string>? ItemsOf(string? input)
    {
        using var settings = input is null ? null : Read(input);
        return settings?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? [.. items.EnumerateArray().Select(i => i.GetRawText())]
            : null;
    }

    private static string? Reference(StepRecord step, Dictionary<string, string> known)
    {
        if (step.OutputJson is not { Length: > 0 } output || output.Length <= ShortestWorthReferring)
        {
            return null;
        }

        if (known.TryGetValue(output, out var key))
        {
            return "=" + key;
        }

        return InputReference(step.InputJson, output);
    }

    /// <summary>The JSON read from a text, or null when it does not read as JSON (the output is then stored as it is).</summary>
    private static JsonDocument? Read(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Outputs this short are stored as they are: a reference would not be shorter.</summary>
    private const int ShortestWorthReferring = 24;

    private static string? InputReference(string? input, string output)
    {
        if (input is null || !input.Contains(output, StringComparison.Ordinal))
        {
            return null;
        }

        using var settings = Read(input);
        if (settings?.RootElement.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var setting in settings.RootElement.EnumerateObject())
        {
            if (setting.Value.GetRawText() == output)
            {
                return InputPrefix + setting.Name;
            }
        }

        return null;
    }

    private static string? InputValue(string? input, string name)
    {
        using var settings = JsonDocument.Parse(input ?? "{}");
        return settings.RootElement.TryGetProperty(name, out var value) ? value.GetRawText() : null;
    }

    private static string? ArrayReference(string output, Dictionary<string, string> known)
    {
        if (output[0] != '[' || output.Length <= ShortestWorthReferring)
        {
            return null;
        }

        using var items = Read(output);
        if (items?.RootElement.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var keys = new List<string>(items.RootElement.GetArrayLength());
        var written = new StringBuilder("[");
        foreach (var item in items.RootElement.EnumerateArray())
        {
            var text = item.GetRawText();
            if (!known.TryGetValue(text, out var key))
            {
                return null;
            }

            keys.Add(key);
            written.Append(written.Length > 1 ? "," : "").Append(text);
        }

        // Read back, the items are joined with commas and nothing else: only an array written that way is referred to.
        return keys.Count > 0 && written.Append(']').ToString() == output ? "=" + JsonSerializer.Serialize(keys) : null;
    }
}
