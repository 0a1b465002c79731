using System.Text;
using System.Text.Json;
using FlowDesigner.Connectors.Outbound;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Connectors.Http;

/// <summary>
/// Sends the request with the step's idempotency key, parses a JSON response, and turns failures into step errors:
/// 408, 429 and 5xx (and network errors) may be retried, honouring Retry-After; other 4xx may not.
/// </summary>
public sealed class HttpRequestExecutor(IHttpClientFactory httpClients, HttpAuthenticator authenticator) : INodeExecutor
{
    private const int ExcerptLength = 500;
    private const int MaxRedirects = 10;

    /// <summary>The name of the HTTP client the node sends with (see <see cref="IHttpClientFactory"/>).</summary>
    public const string ClientName = "http.request";

    public string NodeType => "http.request";

    public async Task<NodeResult> ExecuteAsync(NodeExecutionContext context, CancellationToken cancellationToken)
    {
        var (request, response, token) = await SendAsync(context, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized && token is not null)
        {
            // The API ended the token's session early: one more try with a fresh token.
            authenticator.Refused(context.Credential!, token);
            request.Dispose();
            response.Dispose();
            (request, response, _) = await SendAsync(context, cancellationToken);
        }

        using (request)
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var body = Parse(text, response.Content.Headers.ContentType?.MediaType);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var excerpt = text.Length > ExcerptLength ? text[..ExcerptLength] + "…" : text;
                throw new StepFailedException(
                    $"'{context.NodeName}': {request.Method} {request.RequestUri} answered {status} {response.ReasonPhrase}: {excerpt}",
                    retryable: status is 408 or 429 || status >= 500,
                    retryAfter: Shared.RetryAfterHeader.Of(response.Headers));
            }

            return new NodeResult(Output(response, body));
        }
    }

    /// <summary><c>{ status, headers, body }</c>: the headers as received, by lower-case name, repeated values joined by commas.</summary>
    private static JsonElement Output(HttpResponseMessage response, JsonElement body) => WrittenJson.Element((response, body), WriteOutput);

    private static void WriteOutput(Utf8JsonWriter writer, (HttpResponseMessage Response, JsonElement Body) reply)
    {
        writer.WriteStartObject();
        writer.WriteNumber("status", (int)reply.Response.StatusCode);
        writer.WriteStartObject("headers");
        var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Span<char> lower = stackalloc char[128];
        foreach (var headers in new[] { reply.Response.Headers.NonValidated, reply.Response.Content.Headers.NonValidated })
        {
            foreach (var (name, values) in headers)
            {
                if (written.Add(name))
                {
                    var text = name.Length <= lower.Length ? lower[..name.Length] : new char[name.Length];
                    name.AsSpan().ToLowerInvariant(text);
                    writer.WriteString(text, values.ToString());
                }
            }
        }

        writer.WriteEndObject();
        writer.WritePropertyName("body");
        reply.Body.WriteTo(writer);
        writer.WriteEndObject();
    }

    /// <summary>Sends the request and follows redirects itself, so that the credential goes to each new host only if it is allowed there.</summary>
    private async Task<(HttpRequestMessage Request, HttpResponseMessage Response, Auth.AccessToken? Token)> SendAsync(
        NodeExecutionContext context, CancellationToken cancellationToken)
    {
        var request = BuildRequest(context);
        for (var redirects = 0; ; redirects++)
        {
            var (response, token) = await SendOnceAsync(context, request, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
            {
                return (request, response, token);
            }

            var from = request.RequestUri!;
            var sent = request.Method;
            var target = location.IsAbsoluteUri ? location : new Uri(from, location);
            request.Dispose();
            response.Dispose();
            var refusal = redirects == MaxRedirects ? $"was redirected more than {MaxRedirects} times"
                : target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps ? $"was redirected to {target}, which is not an http or https URL"
                : from.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp ? $"was redirected from https to plain http ({target})"
                : null;
            if (refusal is not null)
            {
                throw new StepFailedException($"'{context.NodeName}': {from} {refusal}; the redirect was not followed.", retryable: false);
            }

            // 303, and 301/302 after a POST, go on as a GET without the body, as browsers do; 307 and 308 repeat the request.
            var method = status == 303 || (status is 301 or 302 && sent == HttpMethod.Post) ? HttpMethod.Get : sent;
            request = BuildRequest(context, target, method);
        }
    }

    private async Task<(HttpResponseMessage Response, Auth.AccessToken? Token)> SendOnceAsync(
        NodeExecutionContext context, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var token = context.Credential is { } credential ? await authenticator.ApplyAsync(request, credential, cancellationToken) : null;
            return (await httpClients.CreateClient(ClientName).SendAsync(request, cancellationToken), token);
        }
        catch (HttpRequestException exception) when (OutboundBlockedException.In(exception) is { } blocked)
        {
            request.Dispose();
            throw new StepFailedException($"'{context.NodeName}': {request.Method} {request.RequestUri} was not sent. {blocked.Message}", retryable: false, innerException: exception);
        }
        catch (HttpRequestException exception)
        {
            request.Dispose();
            throw new StepFailedException($"'{context.NodeName}': {request.Method} {request.RequestUri} could not be sent: {exception.Message}", retryable: true, innerException: exception);
        }
        catch
        {
            request.Dispose();
            throw;
        }
    }

    private static HttpRequestMessage BuildRequest(NodeExecutionContext context)
    {
        var method = HttpMethod.Parse(context.GetText("method", "POST").ToUpperInvariant());
        var url = context.GetText("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new StepFailedException($"'{context.NodeName}': '{url}' is not an http or https URL.", retryable: false);
        }

        var query = Pairs(context.GetConfig("query"));
        if (query.Count > 0)
        {
            uri = new Uri(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(uri.ToString(), query!));
        }

        return BuildRequest(context, uri, method);
    }

    /// <param name="uri">Where to send it: the URL of the settings, or where a redirect leads.</param>
    private static HttpRequestMessage BuildRequest(NodeExecutionContext context, Uri uri, HttpMethod method)
    {
        var request = new HttpRequestMessage(method, uri) { Content = Body(context, method) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", context.IdempotencyKey);
        foreach (var (name, value) in Pairs(context.GetConfig("headers")))
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.Remove(name);
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    private static HttpContent? Body(NodeExecutionContext context, HttpMethod method)
    {
        if (method == HttpMethod.Get)
        {
            return null;
        }

        return PropertyValues.AsText(context.GetConfig("bodyType")) switch
        {
            "none" => null,
            "form" => new FormUrlEncodedContent(Pairs(context.GetConfig("form"))),
            "raw" => new StringContent(context.GetText("raw"), Encoding.UTF8, context.GetText("contentType", "text/plain")),
            _ => context.GetConfig("body") is { ValueKind: not JsonValueKind.Undefined } json
                ? new StringContent(json.GetRawText(), Encoding.UTF8, "application/json")
                : new StringContent(context.Input.ValueKind == JsonValueKind.Undefined ? "null" : context.Input.GetRawText(), Encoding.UTF8, "application/json"),
        };
    }

    private static Dictionary<string, string> Pairs(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } pairs
            ? pairs.EnumerateObject().ToDictionary(p => p.Name, p => PropertyValues.AsText(p.Value))
            : [];

    private static JsonElement Parse(string text, string? mediaType)
    {
        if (text.Length > 0 && (mediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true || text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[')))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not JSON after all: kept as text.
            }
        }

        return JsonSerializer.SerializeToElement(text);
    }
}
