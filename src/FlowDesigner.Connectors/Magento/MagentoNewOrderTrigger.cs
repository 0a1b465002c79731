using FlowDesigner.Connectors.Core;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Connectors.Magento;

/// <summary>Starts a run per new Magento order, found by polling the orders search on an interval.</summary>
public sealed class MagentoNewOrderTrigger : INodeType
{
    public const string Key = "magento.new-order";

    public NodeTypeDescriptor Descriptor { get; } = new(Key, "New Magento order", NodeKind.Trigger, CoreCategories.Triggers)
    {
        Icon = "icons/magento.svg",
        Description = "Asks the store for orders created since the last look, oldest first, and starts one run per order with the order as the trigger data. "
            + "Each order starts one run, even when it is seen twice. For instant delivery, a Webhook trigger can receive Magento's webhooks instead.",
        CredentialTypes = [MagentoCredential.Key],
        CredentialRequired = true,
        Properties =
        [
            Property.Select("interval", "Check every",
                ("60", "Minute"), ("15", "15 seconds"), ("30", "30 seconds"), ("300", "5 minutes"), ("900", "15 minutes"), ("3600", "Hour")),
            Property.Text("since", "Orders created since") with
            {
                AllowsExpressions = false,
                Placeholder = "2025-03-14 00:00:00",
                Help = "UTC, as Magento stores it. Empty: only orders created after the first check.",
            },
            Property.Text("statuses", "Only statuses") with
            {
                AllowsExpressions = false,
                Placeholder = "pending, processing",
                Help = "Comma-separated order statuses; empty takes every order.",
            },
            RunTitle.Property("Order {{ trigger.increment_id }}"),
        ],
        ExampleOutputJson = MagentoExamples.Order,
        Summarize = Summarize,
    };

    private static string Summarize(NodeDefinition node)
    {
        var seconds = int.TryParse(PropertyValues.AsText(node.GetConfig("interval")), out var s) ? s : 60;
        return $"Magento orders, every {(seconds < 60 ? $"{seconds} s" : seconds < 3600 ? $"{seconds / 60} min" : $"{seconds / 3600} h")}";
    }
}
