using System.Security.Cryptography;
using System.Text;
using StandardWebhooks;

namespace FlowDesigner.Testing;

/// <summary>Signs a webhook body as each sender does, for the tests and the benchmark: the headers to send with it.</summary>
public static class WebhookSigner
{
    /// <summary>A Standard Webhooks secret (base64 after <c>whsec_</c>), fixed so that runs can be compared.</summary>
    public const string StandardSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public static Dictionary<string, string> StandardWebhooks(string secret, string deliveryId, string body, DateTimeOffset? at = null)
    {
        var time = at ?? DateTimeOffset.UtcNow;
        return new()
        {
            ["webhook-id"] = deliveryId,
            ["webhook-timestamp"] = time.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = new StandardWebhook(secret).Sign(deliveryId, time, body),
        };
    }

    public static Dictionary<string, string> Stripe(string secret, string body, DateTimeOffset? at = null)
    {
        var t = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        return new() { ["Stripe-Signature"] = $"t={t},v1={Convert.ToHexStringLower(Hmac(secret, $"{t}.{body}"))}" };
    }

    public static Dictionary<string, string> GitHub(string secret, string body) =>
        new() { ["X-Hub-Signature-256"] = "sha256=" + Convert.ToHexStringLower(Hmac(secret, body)) };

    public static Dictionary<string, string> Shopify(string secret, string body) =>
        new() { ["X-Shopify-Hmac-Sha256"] = Convert.ToBase64String(Hmac(secret, body)) };

    public static Dictionary<string, string> BodyHmac(string header, string secret, string body, bool base64) =>
        new() { [header] = base64 ? Convert.ToBase64String(Hmac(secret, body)) : Convert.ToHexStringLower(Hmac(secret, body)) };

    private static byte[] Hmac(string secret, string text) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text));
}
