using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Salesforce;

public sealed class SalesforceCreateRecordNode : INodeType
{
    public const string Key = "salesforce.create-record";

    public NodeTypeDescriptor Descriptor { get; } = ConnectorNode.Action(Key, "Create record", SalesforceClient.Vendor, SalesforceCredential.Key,
        "Creates a record of any object and goes on with its id. A retry may create it twice; use Upsert for idempotent writes.") with
    {
        ExampleOutputJson = """{ "id": "8015g00000XyZAbAAN", "success": true, "errors": [] }""",
        Properties = [SalesforceProperties.Object("Order"), SalesforceProperties.Fields],
    };
}
