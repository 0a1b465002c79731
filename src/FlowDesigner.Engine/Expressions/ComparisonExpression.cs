using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FlowDesigner.Engine.Expressions;

/// <summary>
/// A path compared strictly with a literal (<c>item.type === 'service'</c>, <c>trigger.body.count !== 0</c>), answered
/// from the JSON with JavaScript's strict equality; left to the script engine when the path is.
/// </summary>
internal sealed partial class ComparisonExpression
{
    private static readonly ConcurrentDictionary<string, ComparisonExpression?> Parsed = new(StringComparer.Ordinal);

    /// <summary>The answers, made once: an element is immutable, so every test may hand back the same two.</summary>
    internal static readonly JsonElement True = JsonSerializer.SerializeToElement(true);
    internal static readonly JsonElement False = JsonSerializer.SerializeToElement(false);
    private readonly PathExpression _path;
    private readonly bool _negated;
    private readonly JsonElement _literal;

    private ComparisonExpression(PathExpression path, bool negated, JsonElement literal) => (_path, _negated, _literal) = (path, negated, literal);

    public static ComparisonExpression? TryParse(string expression) => Parsed.GetOrAdd(expression, static text =>
    {
        var match = ComparisonPattern().Match(text);
        if (!match.Success || PathExpression.TryParse(match.Groups["path"].Value) is not { } path)
        {
            return null;
        }

        var literal = match.Groups["literal"].Value;
        var value = literal switch
        {
            ['\'' or '"', .. var quoted, _] => JsonSerializer.SerializeToElement(quoted),
            "true" => True,
            "false" => False,
            "null" => JsonSerializer.SerializeToElement<object?>(null),
            _ => JsonSerializer.SerializeToElement(long.Parse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
        };
        return new ComparisonExpression(path, match.Groups["operator"].Value == "!==", value);
    });

    public bool TryRead(ExpressionScope scope, out JsonElement value)
    {
        value = default;
        if (!_path.TryRead(scope, out var read))
        {
            return false;
        }

        var equal = (read.ValueKind, _literal.ValueKind) switch
        {
            (JsonValueKind.String, JsonValueKind.String) => read.GetString() == _literal.GetString(),
            (JsonValueKind.Number, JsonValueKind.Number) => read.GetInt64() == _literal.GetInt64(),
            (JsonValueKind.True, JsonValueKind.True) or (JsonValueKind.False, JsonValueKind.False) or (JsonValueKind.Null, JsonValueKind.Null) => true,
            _ => false,
        };
        value = equal != _negated ? True : False;
        return true;
    }

    [GeneratedRegex("""^\s*(?<path>[^=!]+?)\s*(?<operator>===|!==)\s*(?<literal>'[^'\\]*'|"[^"\\]*"|-?[0-9]{1,15}|true|false|null)\s*$""")]
    private static partial Regex ComparisonPattern();
}
