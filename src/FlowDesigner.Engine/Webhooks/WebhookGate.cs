using System.Buffers;
using System.Globalization;
using System.Threading.RateLimiting;
using FlowDesigner.Engine.Credentials;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Validation;
using FlowDesigner.Model.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Engine.Webhooks;

/// <summary>
/// What a webhook call passes before anything is written: its trigger's rate limit (a fixed one-second window per
/// webhook), then its protection (an API key, or the sender's signature scheme, with the secret kept as a credential).
/// </summary>
public sealed class WebhookGate(CredentialResolver credentials, NodeCatalog catalog, TimeProvider clock, ILogger<WebhookGate> logger) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly PartitionedRateLimiter<(Guid Workflow, string Node, int Limit)> _limits = PartitionedRateLimiter.Create<(Guid Workflow, string Node, int Limit), (Guid, string, int)>(
        key => RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
        {
            PermitLimit = k.Item3,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }),
        EqualityComparer<(Guid, string, int)>.Default);

    public async Task<WebhookAdmission> AdmitAsync(WebhookTarget target, IHeaderDictionary headers, ReadOnlySequence<byte> body, CancellationToken cancellationToken)
    {
        var node = target.Trigger;
        var limit = RequestsPerSecond(node);
        using (var lease = _limits.AttemptAcquire((target.Version.WorkflowId, node.Id, limit)))
        {
            if (!lease.IsAcquired)
            {
                var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                return Refused(new WebhookRefusal(429, "Too many requests",
                    $"This webhook takes {limit} requests a second (its trigger's Requests per second). Try again in {retryAfter} s. Nothing was started.", retryAfter));
            }
        }

        var protection = Setting(node, "protection", WebhookProtection.None);
        if (protection == WebhookProtection.None)
        {
            return WebhookAdmission.Open;
        }

        string secret;
        try
        {
            var credential = await credentials.ResolveAsync(node.Credential, catalog.FindNodeType(node.Type)!, node.Name, cancellationToken);
            secret = credential?.Get("secret") is { Length: > 0 } value ? value : throw new StepFailedException($"'{node.Name}' has no webhook secret.", retryable: false);
        }
        catch (StepFailedException exception)
        {
            // The sender is not told how this server is set up; the log says what an Admin must mend.
            logger.LogWarning("The webhook of workflow {WorkflowId} refused a call it cannot check: {Problem}", target.Version.WorkflowId, exception.Message);
            return Refused(new WebhookRefusal(503, "This webhook cannot check requests now",
                "Its secret is missing or unreadable on this server, so no request is taken until an Admin mends it. Nothing was started."));
        }

        var now = clock.GetUtcNow();
        var checkedHeader = protection switch
        {
            WebhookProtection.ApiKey => Setting(node, "apiKeyHeader", "X-API-Key"),
            WebhookProtection.StandardWebhooks => StandardWebhooksCheck.SignatureHeader,
            WebhookProtection.Stripe => StripeSignatureCheck.Header,
            WebhookProtection.GitHub => BodySignatureCheck.GitHubHeader,
            WebhookProtection.Shopify => BodySignatureCheck.ShopifyHeader,
            WebhookProtection.Hmac => Setting(node, "signatureHeader", "X-Signature"),
            _ => null,
        };
        var refusal = protection switch
        {
            WebhookProtection.ApiKey => ApiKeyRefusal(secret, headers, checkedHeader!),
            WebhookProtection.StandardWebhooks => StandardWebhooksCheck.Refusal(secret, headers, body, now),
            WebhookProtection.Stripe => StripeSignatureCheck.Refusal(secret, headers, body, now),
            WebhookProtection.GitHub or WebhookProtection.Shopify => BodySignatureCheck.Refusal(secret, headers, body, checkedHeader!, base64: protection == WebhookProtection.Shopify),
            WebhookProtection.Hmac => BodySignatureCheck.Refusal(secret, headers, body, checkedHeader!, Setting(node, "signatureEncoding", "hex") == "base64"),
            _ => $"The webhook's protection '{protection}' is not one this server knows; an Admin publishes it again with a known one.",
        };
        if (refusal is not null)
        {
            return Refused(new WebhookRefusal(401, "The request was refused", $"{refusal} Nothing was started."));
        }

        return new WebhookAdmission
        {
            DeliveryId = protection == WebhookProtection.StandardWebhooks ? headers[StandardWebhooksCheck.IdHeader].ToString() : null,
            CheckedHeader = checkedHeader,
        };
    }

    public void Dispose() => _limits.Dispose();

    private static string? ApiKeyRefusal(string secret, IHeaderDictionary headers, string header) =>
        headers[header].ToString() is { Length: > 0 } given
            ? Signatures.SameText(given, secret) ? null : $"The {header} header does not hold this webhook's key."
            : $"No {header} header: this webhook takes only requests that carry its key there.";

    private static int RequestsPerSecond(Model.Definitions.NodeDefinition node) =>
        double.TryParse(PropertyValues.AsText(node.GetConfig("rateLimit")), CultureInfo.InvariantCulture, out var limit) && limit >= 1
            ? (int)Math.Min(limit, int.MaxValue)
            : WebhookProtection.DefaultRequestsPerSecond;

    private static string Setting(Model.Definitions.NodeDefinition node, string name, string fallback) =>
        PropertyValues.AsText(node.GetConfig(name)).Trim() is { Length: > 0 } value ? value : fallback;

    private static WebhookAdmission Refused(WebhookRefusal refusal) => new() { Refusal = refusal };
}
