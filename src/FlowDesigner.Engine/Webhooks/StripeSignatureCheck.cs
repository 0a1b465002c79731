using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Engine.Webhooks;

/// <summary>
/// Stripe's <c>Stripe-Signature: t=…,v1=…</c>: a hex HMAC-SHA256 of <c>{t}.{body}</c> with the endpoint's secret, and the
/// timestamp within Stripe's default tolerance of five minutes (https://docs.stripe.com/webhooks#verify-manually).
/// </summary>
public static class StripeSignatureCheck
{
    public const string Header = "Stripe-Signature";

    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string? Refusal(string secret, IHeaderDictionary headers, ReadOnlySequence<byte> body, DateTimeOffset now)
    {
        var header = headers[Header].ToString();
        if (header.Length == 0)
        {
            return $"No {Header} header: this webhook takes only requests Stripe signs with its endpoint secret.";
        }

        string? timestamp = null;
        var signatures = new List<string>();
        foreach (var item in header.Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = item.IndexOf('=');
            if (equals > 0)
            {
                var (key, value) = (item[..equals], item[(equals + 1)..]);
                if (key == "t")
                {
                    timestamp = value;
                }
                else if (key == "v1")
                {
                    signatures.Add(value);
                }
            }
        }

        if (!long.TryParse(timestamp, out var seconds) || signatures.Count == 0)
        {
            return $"The {Header} header has no t= timestamp or no v1= signature.";
        }

        if (Signatures.Stale(Header, seconds, now, Tolerance) is { } stale)
        {
            return stale;
        }

        var expected = Signatures.Hmac(secret, $"{timestamp}.", body);
        return signatures.Any(s => Signatures.MatchesHex(s, expected))
            ? null
            : $"No v1 signature in {Header} matches the body signed with the webhook's secret.";
    }
}
