using System.Text.Json;

namespace FlowDesigner.Web.Formatting;

/// <summary>Stored JSON shown to a person: indented, and as it is when it does not read as JSON.</summary>
public static class JsonText
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Indent(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>The beginning of a payload on one line, its runs of white space closed up, marked when it was cut.</summary>
    public static string OneLine(string? preview)
    {
        if (string.IsNullOrEmpty(preview))
        {
            return "";
        }

        var line = System.Text.RegularExpressions.Regex.Replace(preview, @"\s+", " ").Trim();
        return preview.Length >= Model.Events.IEventStore.PreviewLength ? line + " …" : line;
    }
}
