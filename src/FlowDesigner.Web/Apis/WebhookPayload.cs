using System.Buffers;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using FlowDesigner.Model.Execution;
using Microsoft.AspNetCore.WebUtilities;

namespace FlowDesigner.Web.Apis;

/// <summary>
/// What a webhook call hands its run as <c>trigger</c>: the method, path, headers (without credentials or the checked
/// signature), query and body. A JSON body is checked and copied in as it came; a form becomes an object; any other
/// body becomes text.
/// </summary>
internal static class WebhookPayload
{
    /// <exception cref="JsonException">The body says it is JSON and is not.</exception>
    /// <param name="checkedHeader">The header that carried the webhook's key or signature, left out with Authorization and Cookie.</param>
    public static JsonElement Build(HttpRequest request, string path, ReadOnlySequence<byte> body, string? checkedHeader = null) =>
        WrittenJson.Element((request, path, body, checkedHeader), Write, (int)Math.Min(body.Length + 512, int.MaxValue));

    private static void Write(Utf8JsonWriter writer, (HttpRequest Request, string Path, ReadOnlySequence<byte> Body, string? CheckedHeader) call)
    {
        var (request, path, body, checkedHeader) = call;
        writer.WriteStartObject();
        writer.WriteString("method", request.Method);
        writer.WriteString("path", "/hooks/" + path);
        writer.WriteStartObject("headers");
        foreach (var (name, value) in request.Headers)
        {
            if (!IsSensitive(name) && !name.Equals(checkedHeader, StringComparison.OrdinalIgnoreCase))
            {
                writer.WriteString(name.ToLowerInvariant(), value.ToString());
            }
        }

        writer.WriteEndObject();
        writer.WriteStartObject("query");
        foreach (var (name, value) in request.Query)
        {
            writer.WriteString(name, value.ToString());
        }

        writer.WriteEndObject();
        writer.WritePropertyName("body");
        WriteBody(writer, request.ContentType ?? "", body);
        writer.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter writer, string contentType, ReadOnlySequence<byte> body)
    {
        if (body.IsEmpty)
        {
            writer.WriteNullValue();
        }
        else if (contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            var json = WithoutByteOrderMark(body);
            Validate(json);
            writer.WriteRawValue(json, skipInputValidation: true);
        }
        else if (contentType.Contains("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
            {
                writer.WriteString(name, value.ToString());
            }

            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStringValue(Encoding.UTF8.GetString(body));
        }
    }

    /// <summary>Reads the body through: one JSON value and nothing after it.</summary>
    private static void Validate(ReadOnlySequence<byte> body)
    {
        // The reader checks the structure but not every string's bytes; a bad sequence would only fail when read.
        if (!(body.IsSingleSegment ? Utf8.IsValid(body.FirstSpan) : Utf8.IsValid(body.ToArray())))
        {
            throw new JsonException("The body is not valid UTF-8: it holds a byte sequence that is no character (JSON must be UTF-8).");
        }

        var reader = new Utf8JsonReader(body);
        if (!reader.Read())
        {
            throw new JsonException("The body holds no JSON value.");
        }

        reader.Skip();
        if (reader.Read())
        {
            throw new JsonException($"There is more after the JSON value, at byte {reader.TokenStartIndex}.");
        }
    }

    private static ReadOnlySequence<byte> WithoutByteOrderMark(ReadOnlySequence<byte> body)
    {
        ReadOnlySpan<byte> mark = [0xEF, 0xBB, 0xBF];
        return body.FirstSpan.StartsWith(mark) ? body.Slice(3) : body;
    }

    private static bool IsSensitive(string header) =>
        header.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || header.Equals("Cookie", StringComparison.OrdinalIgnoreCase);
}
