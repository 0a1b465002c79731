using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Salesforce;

public sealed class SalesforceUpdateRecordNode : INodeType
{
    public const string Key = "salesforce.update-record";

    public NodeTypeDescriptor Descriptor { get; } = ConnectorNode.Action(Key, "Update record", SalesforceClient.Vendor, SalesforceCredential.Key,
        "Changes the given fields of a record found by its id.") with
    {
        ExampleOutputJson = """{ "id": "8015g00000XyZAbAAN", "success": true }""",
        Properties = [SalesforceProperties.Object("Order"), SalesforceProperties.RecordId, SalesforceProperties.Fields],
    };
}
