using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Salesforce;

public sealed class SalesforceGetRecordNode : INodeType
{
    public const string Key = "salesforce.get-record";

    public NodeTypeDescriptor Descriptor { get; } = ConnectorNode.Action(Key, "Get record", SalesforceClient.Vendor, SalesforceCredential.Key,
        "Reads a record by its id.") with
    {
        ExampleOutputJson = """{ "attributes": { "type": "Order", "url": "/services/data/v62.0/sobjects/Order/8015g00000XyZAbAAN" }, "Id": "8015g00000XyZAbAAN", "Status": "Draft", "OrderReferenceNumber": "000001042" }""",
        Properties =
        [
            SalesforceProperties.Object("Order"),
            SalesforceProperties.RecordId,
            Property.Text("select", "Fields to read") with { Placeholder = "Id,Status,OrderNumber", Help = "Comma-separated; empty reads every field." },
        ],
    };
}
