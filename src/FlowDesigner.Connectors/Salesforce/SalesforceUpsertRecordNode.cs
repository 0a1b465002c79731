using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Salesforce;

public sealed class SalesforceUpsertRecordNode : INodeType
{
    public const string Key = "salesforce.upsert-record";

    public NodeTypeDescriptor Descriptor { get; } = ConnectorNode.Action(Key, "Upsert record", SalesforceClient.Vendor, SalesforceCredential.Key,
        "Creates the record, or updates the one whose external id field has the value: safe to retry.") with
    {
        ExampleOutputJson = """{ "id": "8015g00000XyZAbAAN", "created": true, "success": true, "externalId": "000001042" }""",
        Properties =
        [
            SalesforceProperties.Object("Order"),
            Property.Text("externalIdField", "External id field") with
            {
                Required = true,
                AllowsExpressions = false,
                Placeholder = "Magento_Order_Id__c",
                Help = "A field marked External ID on the object.",
            },
            Property.Text("externalId", "External id") with { Required = true, Placeholder = "{{ trigger.increment_id }}" },
            SalesforceProperties.Fields with { Help = "Field API names and values, as a JSON object; not the external id field itself." },
        ],
    };
}
