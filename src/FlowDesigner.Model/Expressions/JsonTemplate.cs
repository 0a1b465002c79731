using System.Text.Json;

namespace FlowDesigner.Model.Expressions;

/// <summary>
/// A JSON setting written as JSON text with <c>{{ }}</c> in it: <c>{ "ok": true, "status": {{ steps.Call.status }} }</c>.
/// An expression standing as a value becomes the JSON of its result (a number, an object); one inside a JSON string
/// is put in as text, escaped. The text is kept as written (a JSON string) and read as JSON when the step runs.
/// </summary>
public sealed class JsonTemplate
{
    private JsonTemplate(IReadOnlyList<JsonTemplatePart> parts) => Parts = parts;

    public IReadOnlyList<JsonTemplatePart> Parts { get; }

    /// <summary>
    /// Whether a JSON setting's stored value is such a text: a string that is not one whole expression (which keeps its
    /// result's type) and holds expressions or starts as an object or array does.
    /// </summary>
    public static bool Holds(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } text)
        {
            return false;
        }

        var start = text.TrimStart();
        if (!text.Contains("{{", StringComparison.Ordinal))
        {
            return start.StartsWith('{') || start.StartsWith('[');
        }

        try
        {
            return ExpressionScanner.Split(text) is var parts && parts.Count(p => p.IsExpression) != 1
                || parts.Any(p => !p.IsExpression && !string.IsNullOrWhiteSpace(p.Text));
        }
        catch (FormatException)
        {
            return true; // an unclosed {{: the template's problem says so
        }
    }

    /// <exception cref="FormatException">A <c>{{</c> has no closing <c>}}</c>.</exception>
    public static JsonTemplate Parse(string text)
    {
        var parts = new List<JsonTemplatePart>();
        var inString = false;
        var literalStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var close = ExpressionScanner.FindClose(text, i + 2);
                if (i > literalStart)
                {
                    parts.Add(new JsonTemplatePart(text[literalStart..i], false, false));
                }

                parts.Add(new JsonTemplatePart(text[(i + 2)..close].Trim(), true, inString));
                literalStart = close + 2;
                i = close + 1;
            }
            else if (inString && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                inString = !inString;
            }
        }

        if (literalStart < text.Length)
        {
            parts.Add(new JsonTemplatePart(text[literalStart..], false, false));
        }

        return new JsonTemplate(parts);
    }

    /// <summary>What keeps the text from being JSON once its expressions are put in (whatever their results), or null.</summary>
    public static string? FindProblem(string text)
    {
        JsonTemplate template;
        try
        {
            template = Parse(text);
        }
        catch (FormatException exception)
        {
            return exception.Message;
        }

        // Any result fits where an expression stands as a value (as null does), and any text inside a string.
        var shape = string.Concat(template.Parts.Select(p => p.IsExpression ? p.InString ? "" : "null" : p.Text));
        try
        {
            using var _ = JsonDocument.Parse(shape);
            return null;
        }
        catch (JsonException exception)
        {
            return $"This is not valid JSON: {Describe(exception)}";
        }
    }

    /// <summary>The reader's complaint without its byte position, which counts the expressions' stand-ins.</summary>
    private static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return position < 0 ? message : message[..position].TrimEnd();
    }
}
