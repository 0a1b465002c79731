using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FlowDesigner.Engine.Expressions;

/// <summary>
/// An object literal whose values are plain paths (<c>({ sku: item.sku, quantity: item.qty })</c>), built from the
/// JSON as the script engine would serialise it: in the order written, without the values that are undefined.
/// </summary>
internal sealed partial class ObjectOfPaths
{
    private static readonly ConcurrentDictionary<string, ObjectOfPaths?> Parsed = new(StringComparer.Ordinal);
    private readonly (string Key, PathExpression Path)[] _members;

    private ObjectOfPaths((string, PathExpression)[] members) => _members = members;

    public static ObjectOfPaths? TryParse(string expression) => Parsed.GetOrAdd(expression, static text =>
    {
        var match = ObjectPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var members = new List<(string, PathExpression)>();
        foreach (var member in match.Groups["members"].Value.Split(',', StringSplitOptions.TrimEntries))
        {
            var parts = member.Split(':', 2, StringSplitOptions.TrimEntries);
            var key = parts[0] switch
            {
                ['\'' or '"', .. var quoted, _] => quoted,
                var name => name,
            };

            // Keys that look like array indexes come first in JavaScript objects, and __proto__ is no key at all: such
            // literals are left to the engine, as are repeated keys.
            if (parts.Length != 2 || key.Length == 0 || char.IsAsciiDigit(key[0]) || key == "__proto__" || members.Exists(m => m.Item1 == key)
                || PathExpression.TryParse(parts[1]) is not { } path)
            {
                return null;
            }

            members.Add((key, path));
        }

        return new ObjectOfPaths([.. members]);
    });

    public bool TryRead(ExpressionScope scope, out JsonElement value)
    {
        value = default;
        var built = new Dictionary<string, JsonElement>(_members.Length, StringComparer.Ordinal);
        foreach (var (key, path) in _members)
        {
            if (!path.TryRead(scope, out var read))
            {
                return false;
            }

            if (read.ValueKind != JsonValueKind.Undefined)
            {
                built[key] = read;
            }
        }

        value = JsonSerializer.SerializeToElement(built);
        return true;
    }

    [GeneratedRegex("""^\s*\(\s*\{\s*(?<members>(?:[A-Za-z_$][A-Za-z0-9_$]*|'[^'\\,:]*'|"[^"\\,:]*")\s*:\s*[^,{}()]+?(?:\s*,\s*(?:[A-Za-z_$][A-Za-z0-9_$]*|'[^'\\,:]*'|"[^"\\,:]*")\s*:\s*[^,{}()]+?)*)\s*,?\s*\}\s*\)\s*$""")]
    private static partial Regex ObjectPattern();
}
