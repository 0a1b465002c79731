using System.Text.Json;
using FlowDesigner.Model.Expressions;

namespace FlowDesigner.Engine.Expressions;

/// <summary>
/// A node's setting as its expressions are resolved, read once from the JSON: values without <c>{{ }}</c> are kept
/// as they are, texts with expressions are found, and each value's path for error messages (<c>body.line</c>,
/// <c>items[2]</c>) is worked out here rather than on every resolution.
/// </summary>
internal sealed class SettingTemplate
{
    private SettingTemplate(string property, JsonElement value)
    {
        Property = property;
        Value = value;
    }

    /// <summary>Where the value sits in the node's settings, as error messages name it.</summary>
    public string Property { get; }

    /// <summary>The value as written; for a value without expressions, also as resolved.</summary>
    public JsonElement Value { get; }

    /// <summary>A text with expressions, or null.</summary>
    public string? Text { get; private init; }

    /// <summary>A JSON setting written as JSON text with expressions (see <see cref="JsonTemplate"/>), or null.</summary>
    public JsonTemplate? Json { get; private init; }

    /// <summary>An object's members when some hold expressions, or null.</summary>
    public IReadOnlyList<(string Name, SettingTemplate Value)>? Members { get; private init; }

    /// <summary>An array's items when some hold expressions, or null.</summary>
    public IReadOnlyList<SettingTemplate>? Items { get; private init; }

    public bool HasExpressions => Text is not null || Json is not null || Members is not null || Items is not null;

    /// <summary>All of a node's settings: the members are named by their keys alone.</summary>
    /// <param name="jsonSettings">The settings edited as JSON, whose text may be a <see cref="JsonTemplate"/>.</param>
    public static SettingTemplate OfSettings(IReadOnlyDictionary<string, JsonElement> settings, IReadOnlySet<string> jsonSettings)
    {
        var members = settings.Select(s => (s.Key, jsonSettings.Contains(s.Key) ? OfJson(s.Value, s.Key) : Of(s.Value, s.Key))).ToList();
        return new SettingTemplate("", default) { Members = members.Exists(m => m.Item2.HasExpressions) ? members : null };
    }

    private static SettingTemplate OfJson(JsonElement value, string property)
    {
        if (!JsonTemplate.Holds(value))
        {
            return Of(value, property);
        }

        try
        {
            return new SettingTemplate(property, value) { Json = JsonTemplate.Parse(value.GetString()!) };
        }
        catch (FormatException)
        {
            return new SettingTemplate(property, value) { Text = value.GetString() }; // its resolution says what is unclosed
        }
    }

    public static SettingTemplate Of(JsonElement value, string property)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when value.GetString() is { } text && ExpressionTemplate.Contains(text):
                return new SettingTemplate(property, value) { Text = text };
            case JsonValueKind.Object:
                var members = value.EnumerateObject().Select(p => (p.Name, Of(p.Value, $"{property}.{p.Name}"))).ToList();
                return new SettingTemplate(property, value) { Members = members.Exists(m => m.Item2.HasExpressions) ? members : null };
            case JsonValueKind.Array:
                var items = value.EnumerateArray().Select((item, i) => Of(item, $"{property}[{i}]")).ToList();
                return new SettingTemplate(property, value) { Items = items.Exists(i => i.HasExpressions) ? items : null };
            default:
                return new SettingTemplate(property, value);
        }
    }
}
