using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Validation;
using FlowDesigner.Model.Webhooks;

namespace FlowDesigner.Connectors.Core;

/// <summary>Starts a run when a request arrives at <c>/hooks/{path}</c>.</summary>
public sealed class WebhookTrigger : INodeType
{
    public NodeTypeDescriptor Descriptor { get; } = new(CoreNodeTypes.Webhook, "Webhook", NodeKind.Trigger, CoreCategories.Triggers)
    {
        Icon = "icons/core-webhook.svg",
        Description = "Starts the workflow when another system sends a request to its URL. Magento, Shopify and most SaaS tools can call it.",
        Properties =
        [
            Property.Text("path", "Path") with
            {
                Required = true,
                AllowsExpressions = false,
                Placeholder = "orders",
                Help = "The request goes to /hooks/<path>. For Magento, point a webhook of the sales_order_place_after event here: its body carries the order under \"order\".",
            },
            Property.Select("method", "HTTP method", ("POST", "POST"), ("GET", "GET"), ("PUT", "PUT")),
            Property.Select("respond", "Respond",
                ("immediately", "Immediately, with the run id (202)"),
                ("whenFinished", "When the run finishes, with its output")),
            Property.Number("responseTimeoutSeconds", "Wait for the result (seconds)").WithDefault(30) with
            {
                VisibleWhen = VisibleWhen.Is("respond", "whenFinished"),
                Help = "If the run takes longer, the caller gets 202 with the run id and the run goes on.",
            },
            Property.Select("protection", "Accept requests",
                (WebhookProtection.None, "Anyone with the URL"),
                (WebhookProtection.ApiKey, "API key header"),
                (WebhookProtection.StandardWebhooks, "Standard Webhooks signature"),
                (WebhookProtection.Stripe, "Stripe signature"),
                (WebhookProtection.GitHub, "GitHub signature"),
                (WebhookProtection.Shopify, "Shopify signature"),
                (WebhookProtection.Hmac, "HMAC-SHA256 signature")) with
            {
                AllowsExpressions = false,
                Help = "A signed webhook takes only what its sender signed with the secret you share (webhook-signature, Stripe-Signature, X-Hub-Signature-256, X-Shopify-Hmac-Sha256, or an HMAC of the body in a header you name) and answers anything else 401. Keep the secret as a Webhook secret credential.",
            },
            Property.Text("apiKeyHeader", "API key header").WithDefault("X-API-Key") with
            {
                AllowsExpressions = false,
                VisibleWhen = VisibleWhen.Is("protection", WebhookProtection.ApiKey),
            },
            Property.Text("signatureHeader", "Signature header").WithDefault("X-Signature") with
            {
                AllowsExpressions = false,
                VisibleWhen = VisibleWhen.Is("protection", WebhookProtection.Hmac),
                Help = "The header the sender puts the HMAC-SHA256 of the raw body in; a sha256= prefix is taken too.",
            },
            Property.Select("signatureEncoding", "Signature encoding", ("hex", "Hex"), ("base64", "Base64")) with
            {
                AllowsExpressions = false,
                VisibleWhen = VisibleWhen.Is("protection", WebhookProtection.Hmac),
            },
            Property.Number("rateLimit", "Requests per second").WithDefault(WebhookProtection.DefaultRequestsPerSecond) with
            {
                AllowsExpressions = false,
                Minimum = 1,
                Help = "More requests than this in a second are answered 429 with Retry-After, and start nothing.",
            },
            Property.Text("dedupeKey", "Deduplicate by") with
            {
                Placeholder = "{{ trigger.order.increment_id }}",
                Help = "A second request with the same key starts no run and is answered with the first run's id. Empty: the webhook-id of a Standard Webhooks request, else the Idempotency-Key header, when sent.",
            },
            RunTitle.Property("Order {{ trigger.order.increment_id }}"),
        ],
        CredentialTypes = [WebhookProtection.SecretCredentialType],
        CredentialWhen = VisibleWhen.Is("protection", [.. WebhookProtection.WithSecret]),
        ExampleOutputJson = """{ "method": "POST", "path": "/hooks/orders", "headers": { "content-type": "application/json" }, "query": {}, "body": {} }""",
        Summarize = Summarize,
        DataPath = "body",
    };

    private static string Summarize(NodeDefinition node)
    {
        var method = PropertyValues.AsText(node.GetConfig("method"));
        return $"{(method.Length == 0 ? "POST" : method)} /hooks/{PropertyValues.AsText(node.GetConfig("path"))}";
    }
}
