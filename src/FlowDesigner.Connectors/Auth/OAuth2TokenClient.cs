using System.Text.Json;
using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.Auth;

/// <summary>
/// Asks an OAuth 2.0 token endpoint for an access token with a form-encoded grant (RFC 6749 §4.3, §4.4, §6) and reads
/// the standard answer; an <c>error</c>/<c>error_description</c> answer becomes a step error that says what was refused.
/// </summary>
public static class OAuth2TokenClient
{
    public static async Task<AccessToken> RequestAsync(
        HttpClient client, Uri tokenUrl, IReadOnlyDictionary<string, string> form, string vendor, TimeProvider clock, CancellationToken cancellationToken,
        System.Net.Http.Headers.AuthenticationHeaderValue? clientAuthorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = clientAuthorization;
        request.Headers.Accept.ParseAdd("application/json");
        var reply = await VendorHttp.SendAsync(client, request, vendor, cancellationToken);
        if (!reply.Succeeded || reply.Json.ValueKind != JsonValueKind.Object || Text(reply.Json, "access_token") is not { Length: > 0 } token)
        {
            throw Refusal(reply, vendor);
        }

        DateTimeOffset? expiresAt = reply.Json.TryGetProperty("expires_in", out var seconds) && TryNumber(seconds) is { } s
            ? clock.GetUtcNow().AddSeconds(s)
            : null;
        return new AccessToken(token, expiresAt, Text(reply.Json, "refresh_token"), Text(reply.Json, "instance_url"));
    }

    private static StepFailedException Refusal(VendorReply reply, string vendor)
    {
        if (reply.Json.ValueKind == JsonValueKind.Object && Text(reply.Json, "error") is { } error)
        {
            var description = Text(reply.Json, "error_description");
            return new StepFailedException(
                $"{vendor} refused the sign-in ({reply.Code} {error}){(description is null ? "" : $": {description}")}. Check the credential's client id, secret and user.",
                retryable: VendorHttp.IsTransient(reply.Code),
                retryAfter: reply.RetryAfter);
        }

        return new StepFailedException(
            $"{vendor}'s token endpoint {reply.RequestUri.GetLeftPart(UriPartial.Path)} answered {reply.Code} without a token: {reply.Excerpt}",
            retryable: VendorHttp.IsTransient(reply.Code),
            retryAfter: reply.RetryAfter);
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? TryNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
