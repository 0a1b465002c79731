using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.NetSuite;

public sealed class NetSuiteCreateSalesOrderNode : INodeType
{
    public const string Key = "netsuite.create-sales-order";

    public NodeTypeDescriptor Descriptor { get; } = ConnectorNode.Action(Key, "Create sales order", NetSuiteClient.Vendor, NetSuiteCredential.Key,
        "Creates a sales order and goes on with its internal id. With an externalId in the fields, an order that has it already is returned instead: retries create one order.") with
    {
        ExampleOutputJson = """{ "id": "4711", "externalId": "magento-000001042", "created": true, "location": "https://123456.suitetalk.api.netsuite.com/services/rest/record/v1/salesOrder/4711" }""",
        Properties =
        [
            Property.Json("fields", "Sales order") with
            {
                Required = true,
                Placeholder = "{ \"entity\": { \"id\": \"107\" }, \"externalId\": \"magento-{{ trigger.increment_id }}\", \"item\": { \"items\": [] } }",
                Help = "The record's fields as NetSuite's REST API names them. External ids take only letters, digits, _ and -.",
            },
        ],
    };
}
