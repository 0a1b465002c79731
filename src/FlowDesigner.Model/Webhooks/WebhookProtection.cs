namespace FlowDesigner.Model.Webhooks;

/// <summary>How a webhook trigger tells its sender's requests from anybody else's: the values of its <c>protection</c> setting.</summary>
public static class WebhookProtection
{
    /// <summary>Anyone who knows the URL may call it; publishing warns.</summary>
    public const string None = "none";

    /// <summary>A header carries the shared key itself.</summary>
    public const string ApiKey = "apiKey";

    /// <summary><c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c> (https://www.standardwebhooks.com).</summary>
    public const string StandardWebhooks = "standardWebhooks";

    /// <summary><c>Stripe-Signature: t=…,v1=…</c> (https://docs.stripe.com/webhooks#verify-manually).</summary>
    public const string Stripe = "stripe";

    /// <summary><c>X-Hub-Signature-256: sha256=…</c> (https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries).</summary>
    public const string GitHub = "github";

    /// <summary><c>X-Shopify-Hmac-Sha256</c>, base64 (https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook-to-ensure-its-coming-from-shopify).</summary>
    public const string Shopify = "shopify";

    /// <summary>An HMAC-SHA256 of the body, hex or base64, in a header the user names.</summary>
    public const string Hmac = "hmac";

    /// <summary>The credential type that keeps a webhook's key or signing secret.</summary>
    public const string SecretCredentialType = "webhook.secret";

    /// <summary>How many requests a second a webhook takes when its trigger says nothing else.</summary>
    public const int DefaultRequestsPerSecond = 100;

    /// <summary>Every protection that needs the secret credential.</summary>
    public static IReadOnlyList<string> WithSecret { get; } = [ApiKey, StandardWebhooks, Stripe, GitHub, Shopify, Hmac];
}
