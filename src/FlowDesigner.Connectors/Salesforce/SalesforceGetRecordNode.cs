using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Salesforce;

public sealed class SalesforceGetRecordNode : INodeType
{
    public const string Key = "salesforce.get-record";

    public NodeTypeDescriptor Descriptor { get; } = ConnectorNode.Action(Key, "Get record", SalesforceClient.Vendor, SalesforceCredential.Key,
        "Reads a record by its id.") with
    {
        Properties =
        [
            SalesforceProperties.Object("Order"),
            SalesforceProperties.RecordId,
            Property.Text("select", "Fields to read") with { Placeholder = "Id,Status,OrderNumber", Help = "Comma-separated; empty reads every field." },
        ],
    };
}
