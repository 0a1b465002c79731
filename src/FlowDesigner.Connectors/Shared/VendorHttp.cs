using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.Shared;

/// <summary>Sends a request to a vendor and reads the whole answer; a network failure becomes a retryable step error.</summary>
public static class VendorHttp
{
    public static async Task<VendorReply> SendAsync(HttpClient client, HttpRequestMessage request, string vendor, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return new VendorReply(response.StatusCode, response.Headers, text, request.RequestUri!, request.Method);
        }
        catch (HttpRequestException exception) when (Outbound.OutboundBlockedException.In(exception) is { } blocked)
        {
            throw new StepFailedException($"{vendor} at {request.RequestUri?.GetLeftPart(UriPartial.Authority)} was not called. {blocked.Message}", retryable: false, innerException: exception);
        }
        catch (HttpRequestException exception)
        {
            throw new StepFailedException(
                $"{vendor} could not be reached at {request.RequestUri?.GetLeftPart(UriPartial.Authority)}: {exception.Message}",
                retryable: true,
                innerException: exception);
        }
    }

    /// <summary>Whether a status is worth another attempt: a timeout, throttling, or the vendor's own trouble.</summary>
    public static bool IsTransient(int status) => status is 408 or 429 || status >= 500;

    /// <summary>The base URL a credential gives, checked: http(s), absolute, without a trailing slash.</summary>
    public static Uri BaseUrl(string value, string credentialName, string field)
    {
        if (!Uri.TryCreate(value.Trim().TrimEnd('/'), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new StepFailedException($"The credential '{credentialName}' has '{value}' as {field}, which is not an http(s) URL.", retryable: false);
        }

        return uri;
    }
}
