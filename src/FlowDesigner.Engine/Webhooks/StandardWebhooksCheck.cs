using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace FlowDesigner.Engine.Webhooks;

/// <summary>
/// Standard Webhooks (https://www.standardwebhooks.com): <c>v1</c> signatures of <c>{webhook-id}.{webhook-timestamp}.{body}</c>
/// with the base64 secret after <c>whsec_</c>, the timestamp within five minutes. The signing is the
/// <c>StandardWebhooks</c> package's; the clock is the product's, so that it can be fixed.
/// </summary>
public static class StandardWebhooksCheck
{
    public const string IdHeader = "webhook-id";

    public const string SignatureHeader = "webhook-signature";

    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string? Refusal(string secret, IHeaderDictionary headers, ReadOnlySequence<byte> body, DateTimeOffset now)
    {
        var id = headers[IdHeader].ToString();
        var timestamp = headers["webhook-timestamp"].ToString();
        var signatures = headers[SignatureHeader].ToString();
        if (id.Length == 0 || timestamp.Length == 0 || signatures.Length == 0)
        {
            return "The request lacks the webhook-id, webhook-timestamp and webhook-signature headers a Standard Webhooks sender adds.";
        }

        if (!long.TryParse(timestamp, out var seconds))
        {
            return $"The webhook-timestamp '{timestamp}' is not a Unix time in seconds.";
        }

        if (Signatures.Stale("webhook-timestamp", seconds, now, Tolerance) is { } stale)
        {
            return stale;
        }

        StandardWebhook webhook;
        try
        {
            webhook = new StandardWebhook(secret);
        }
        catch (FormatException)
        {
            return "The webhook's secret is not a Standard Webhooks secret (whsec_ followed by base64): an Admin fixes its credential.";
        }

        var expected = webhook.Sign(id, DateTimeOffset.FromUnixTimeSeconds(seconds), Encoding.UTF8.GetString(body));
        foreach (var signature in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (signature.StartsWith("v1,", StringComparison.Ordinal) && Signatures.SameText(signature, expected))
            {
                return null;
            }
        }

        return "No v1 signature in webhook-signature matches the body signed with the webhook's secret.";
    }
}
