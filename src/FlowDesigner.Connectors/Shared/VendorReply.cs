using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace FlowDesigner.Connectors.Shared;

/// <summary>A vendor's answer, read whole: status, headers and body, with the body parsed when it is JSON.</summary>
public sealed record VendorReply(HttpStatusCode Status, HttpResponseHeaders Headers, string Text, Uri RequestUri, HttpMethod Method)
{
    public int Code => (int)Status;

    public bool Succeeded => Code is >= 200 and < 300;

    /// <summary>The body as JSON, or an undefined element when it is empty or not JSON.</summary>
    public JsonElement Json { get; } = ParseJson(Text);

    public TimeSpan? RetryAfter => RetryAfterHeader.Of(Headers);

    /// <summary>The body's first characters, for an error message about an answer of unknown shape.</summary>
    public string Excerpt => Text.Length > 300 ? Text[..300] + "…" : Text;

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static JsonElement ParseJson(string text)
    {
        if (text.Length == 0)
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
