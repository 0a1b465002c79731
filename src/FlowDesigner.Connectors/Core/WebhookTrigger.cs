using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Connectors.Core;

/// <summary>Starts a run when a request arrives at <c>/hooks/{path}</c>.</summary>
public sealed class WebhookTrigger : INodeType
{
    public NodeTypeDescriptor Descriptor { get; } = new("core.webhook", "Webhook", NodeKind.Trigger, CoreCategories.Triggers)
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
            Property.Text("dedupeKey", "Deduplicate by") with
            {
                Placeholder = "{{ trigger.order.increment_id }}",
                Help = "A second request with the same key starts no run and is answered with the first run's id. Empty: the Idempotency-Key header, when sent.",
            },
        ],
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
