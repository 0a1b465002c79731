using System.Text.Json;
using FlowDesigner.Connectors.Magento;
using FlowDesigner.Engine.Workflows.Templates;
using FlowDesigner.Model.Definitions;

namespace FlowDesigner.Testing.Fakes;

/// <summary>
/// The reference scenario against the vendors' APIs, as the product's template has it: a new Magento order (polled)
/// becomes a Salesforce account and order, its service lines a ServiceNow incident, its other lines a NetSuite sales
/// order, and a <c>salesforce.order.created</c> event is emitted for the workflows that follow it.
/// </summary>
public static class ReferenceScenario
{
    /// <summary>
    /// The workflow of the product's reference template, signing in with the given stored credentials' ids and reading
    /// orders from the day of the sample order on.
    /// </summary>
    public static string Workflow(Guid magento, Guid salesforce, Guid serviceNow, Guid netSuite)
    {
        var definition = WorkflowDefinitionJson.Parse(ReferenceScenarioTemplate.Template.Workflows[0]).Definition!;
        var credentials = new Dictionary<string, Guid>
        {
            ["magento"] = magento, ["salesforce"] = salesforce, ["servicenow"] = serviceNow, ["netsuite"] = netSuite,
        };
        var nodes = definition.Nodes.Select(node => credentials.TryGetValue(node.Type.Split('.')[0], out var id) ? node with { Credential = id.ToString() } : node)
            .Select(node => node.Type != MagentoNewOrderTrigger.Key ? node : node with
            {
                Config = new Dictionary<string, JsonElement>(node.Config) { ["since"] = JsonSerializer.SerializeToElement("2025-03-14 00:00:00") },
            });
        return WorkflowDefinitionJson.Serialize(definition with { Nodes = [.. nodes] });
    }

    /// <summary>The template's second workflow, which emails the buyer on the emitted event, sending with the given stored SMTP credential.</summary>
    public static string EmailFollower(Guid smtp)
    {
        var definition = WorkflowDefinitionJson.Parse(ReferenceScenarioTemplate.Template.Workflows[1]).Definition!;
        var nodes = definition.Nodes.Select(node => node.Type == "email.send" ? node with { Credential = smtp.ToString() } : node);
        return WorkflowDefinitionJson.Serialize(definition with { Nodes = [.. nodes] });
    }

    /// <summary>A workflow started by the emitted event, which keeps what it received.</summary>
    public const string Follower = """
        { "schema": 1, "name": "When a Salesforce order is created",
          "nodes": [
            { "id": "on", "type": "core.on-event", "name": "Order created", "config": { "eventName": "salesforce.order.created" } },
            { "id": "keep", "type": "core.set", "name": "Keep", "config": { "fields": { "orderId": "{{ trigger.orderId }}" } } } ],
          "edges": [ { "from": "on", "port": "out", "to": "keep" } ] }
        """;
}
