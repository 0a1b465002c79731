using System.Globalization;
using System.Text.Json;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Expressions;

namespace FlowDesigner.Web.Components.Designer;

/// <summary>A property's JSON value as the panel's text field shows it, and the text typed back as the JSON to store.</summary>
public static class PropertyText
{
    public static string Show(JsonElement? value, PropertyEditor editor) => value switch
    {
        null => "",
        { ValueKind: JsonValueKind.String } text => text.GetString() ?? "",
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => "",
        { } other when editor == PropertyEditor.Json => JsonSerializer.Serialize(other, Indented),
        { } other => other.GetRawText(),
    };

    /// <summary>The value to store, or why the text cannot be one. Empty text unsets the property.</summary>
    public static (JsonElement? Value, string? Error) Read(string? text, PropertyEditor editor)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        switch (editor)
        {
            case PropertyEditor.Number when !text.Contains("{{", StringComparison.Ordinal):
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? (JsonSerializer.SerializeToElement(number), null)
                    : (null, $"'{text}' is not a number. Write digits (like 30 or 2.5), or an expression in {{{{ }}}}.");
            case PropertyEditor.Json when !text.TrimStart().StartsWith("{{", StringComparison.Ordinal):
                try
                {
                    return (JsonDocument.Parse(text).RootElement.Clone(), null);
                }
                catch (JsonException exception)
                {
                    // JSON with {{ }} in it is kept as written and read when the step runs; so is broken JSON, shown as a
                    // problem until mended, so that nothing typed is lost.
                    var kept = JsonSerializer.SerializeToElement(text);
                    return JsonTemplate.Holds(kept) ? (kept, JsonTemplate.FindProblem(text)) : (null, $"This is not valid JSON: {exception.Message}");
                }

            default:
                return (JsonSerializer.SerializeToElement(text), null);
        }
    }

    // Shown as typed: quotes and apostrophes in expressions stay readable rather than \u0027.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
