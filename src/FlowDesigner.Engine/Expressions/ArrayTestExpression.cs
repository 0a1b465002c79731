using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FlowDesigner.Engine.Expressions;

/// <summary>
/// An array tested item by item with a strict comparison (<c>steps['Map order'].lines.some(l => l.type === 'service')</c>,
/// <c>trigger.body.items.every(i => i.paid === true)</c>), answered from the JSON as JavaScript's <c>some</c> and
/// <c>every</c> would: in order, stopping at the first item that decides. Left to the script engine when the array, or
/// an item reached before the answer, cannot be read exactly as the engine reads it.
/// </summary>
internal sealed partial class ArrayTestExpression
{
    private static readonly ConcurrentDictionary<string, ArrayTestExpression?> Parsed = new(StringComparer.Ordinal);
    private readonly PathExpression _array;
    private readonly bool _every;
    private readonly ComparisonExpression _test;

    private ArrayTestExpression(PathExpression array, bool every, ComparisonExpression test) => (_array, _every, _test) = (array, every, test);

    /// <summary>The test, or null when the expression is anything else.</summary>
    public static ArrayTestExpression? TryParse(string expression) => Parsed.GetOrAdd(expression, static text =>
    {
        var match = ArrayTestPattern().Match(text);
        if (!match.Success || PathExpression.TryParse(match.Groups["array"].Value) is not { } array)
        {
            return null;
        }

        // The item is read as `item` is: the parameter's name is put aside, and with it any outer value it hides.
        var parameter = match.Groups["parameter"].Value;
        var body = match.Groups["body"].Value;
        if (!body.StartsWith(parameter, StringComparison.Ordinal) || body.Length == parameter.Length
            || body[parameter.Length] is not ('.' or '[' or ' ' or '=' or '!'))
        {
            return null;
        }

        return ComparisonExpression.TryParse(string.Concat("item", body.AsSpan(parameter.Length))) is { } test
            ? new ArrayTestExpression(array, match.Groups["method"].Value == "every", test)
            : null;
    });

    public bool TryRead(ExpressionScope scope, out JsonElement value)
    {
        value = default;
        if (!_array.TryRead(scope, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return false; // the engine says what calling a method on anything else does
        }

        foreach (var item in array.EnumerateArray())
        {
            if (!_test.TryRead(scope with { Item = item }, out var passed))
            {
                return false;
            }

            if ((passed.ValueKind == JsonValueKind.True) != _every)
            {
                value = _every ? ComparisonExpression.False : ComparisonExpression.True;
                return true;
            }
        }

        value = _every ? ComparisonExpression.True : ComparisonExpression.False;
        return true;
    }

    [GeneratedRegex("""^\s*(?<array>[^()]+?)\.(?<method>some|every)\(\s*(?:(?<parameter>[A-Za-z_$][A-Za-z0-9_$]*)|\(\s*(?<parameter>[A-Za-z_$][A-Za-z0-9_$]*)\s*\))\s*=>\s*(?<body>[^()]+?)\s*\)\s*$""")]
    private static partial Regex ArrayTestPattern();
}
