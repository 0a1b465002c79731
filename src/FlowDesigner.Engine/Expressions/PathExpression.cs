using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FlowDesigner.Engine.Expressions;

/// <summary>
/// The commonest expression, a plain path into the scope (<c>trigger.body.order.id</c>, <c>steps['Map order'].lines</c>,
/// <c>item.sku</c>, <c>env.sink</c>), read straight from the JSON without starting the script engine. Anything it
/// cannot answer exactly as the script engine would (a missing parent, a number to print, an array method) is
/// left to the engine.
/// </summary>
internal sealed partial class PathExpression
{
    private static readonly ConcurrentDictionary<string, PathExpression?> Parsed = new(StringComparer.Ordinal);
    private readonly string _root;
    private readonly string[] _segments;

    private PathExpression(string root, string[] segments) => (_root, _segments) = (root, segments);

    /// <summary>The path, or null when the expression is anything else.</summary>
    public static PathExpression? TryParse(string expression) => Parsed.GetOrAdd(expression, static text =>
    {
        var match = PathPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var segments = match.Groups["segment"].Captures.Select(c => c.Value switch
        {
            ['.', .. var name] => name,
            ['[', '\'' or '"', .. var quoted, _, ']'] => quoted,
            ['[', .. var number, ']'] => number,
            var other => other,
        }).ToArray();
        return new PathExpression(match.Groups["root"].Value, segments);
    });

    /// <summary>The value (<c>undefined</c> as a default element), or false when the script engine must answer.</summary>
    public bool TryRead(ExpressionScope scope, out JsonElement value)
    {
        value = default;
        var (found, current, at) = Root(scope);
        if (!found)
        {
            return false;
        }

        for (; at < _segments.Length; at++)
        {
            if (!Step(current, _segments[at], out current))
            {
                return false;
            }

            if (current.ValueKind == JsonValueKind.Undefined && at < _segments.Length - 1)
            {
                return false; // reading from undefined throws in the engine, with its own message
            }
        }

        // Numbers other than plain integers print differently in JavaScript; the engine says how.
        if (current.ValueKind == JsonValueKind.Number && !current.TryGetInt64(out _))
        {
            return false;
        }

        value = current;
        return true;
    }

    /// <summary>
    /// Answers the expressions that need no script engine: a path, a path compared strictly with a literal, an
    /// array tested item by item with such a comparison, or an object of paths. False when the engine must answer.
    /// </summary>
    public static bool TryReadAny(string expression, ExpressionScope scope, out JsonElement value)
    {
        value = default;
        return TryParse(expression) is { } path ? path.TryRead(scope, out value)
            : ComparisonExpression.TryParse(expression) is { } comparison ? comparison.TryRead(scope, out value)
            : ArrayTestExpression.TryParse(expression) is { } test ? test.TryRead(scope, out value)
            : ObjectOfPaths.TryParse(expression) is { } literal && literal.TryRead(scope, out value);
    }

    /// <summary>The value as interpolated into text, or null when the script engine must answer.</summary>
    public static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => "",
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetInt64().ToString(CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private (bool Found, JsonElement Value, int Next) Root(ExpressionScope scope)
    {
        switch (_root)
        {
            case "trigger":
                return (true, scope.Trigger, 0);
            case "run":
                return (true, scope.Run, 0);
            case "item":
                return (scope.Item is not null || _segments.Length == 0, scope.Item ?? default, 0);
            case "input":
                return (scope.Input is not null || _segments.Length == 0, scope.Input ?? default, 0);
            case "steps" when _segments.Length > 0:
                return (true, scope.Steps.TryGetValue(_segments[0], out var step) ? step : default, 1);
            case "index" when _segments.Length == 0:
                return (scope.Index is not null, scope.Index is { } index ? JsonSerializer.SerializeToElement(index) : default, 0);
            case "env" when _segments.Length == 1:
                return (true, scope.Env.TryGetValue(_segments[0], out var setting) ? JsonSerializer.SerializeToElement(setting) : default, 1);
            default:
                return (false, default, 0);
        }
    }

    private static bool Step(JsonElement current, string segment, out JsonElement next)
    {
        next = default;
        switch (current.ValueKind)
        {
            case JsonValueKind.Object:
                if (current.TryGetProperty(segment, out var property))
                {
                    next = property;
                }

                return true;
            case JsonValueKind.Array when segment == "length":
                next = JsonSerializer.SerializeToElement(current.GetArrayLength());
                return true;
            case JsonValueKind.Array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index):
                if (index < current.GetArrayLength())
                {
                    next = current[index];
                }

                return true;
            default:
                return false;
        }
    }

    [GeneratedRegex("""^\s*(?<root>trigger|steps|run|env|item|input|index)(?<segment>\.[A-Za-z_$][A-Za-z0-9_$]*|\['[^'\\]*'\]|\["[^"\\]*"\]|\[[0-9]+\])*\s*$""")]
    private static partial Regex PathPattern();
}
