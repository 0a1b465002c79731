using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Salesforce;

public sealed class SalesforceQueryNode : INodeType
{
    public const string Key = "salesforce.query";

    public NodeTypeDescriptor Descriptor { get; } = ConnectorNode.Action(Key, "SOQL query", SalesforceClient.Vendor, SalesforceCredential.Key,
        "Runs a SOQL query and goes on with its records, following Salesforce's pages up to the maximum.") with
    {
        ExampleOutputJson = """{ "totalSize": 1, "done": true, "records": [ { "attributes": { "type": "Account", "url": "/services/data/v62.0/sobjects/Account/0015g00000AbCdEAAV" }, "Id": "0015g00000AbCdEAAV", "Name": "Jane Doe" } ] }""",
        Properties =
        [
            Property.Multiline("soql", "SOQL") with
            {
                Required = true,
                Placeholder = "SELECT Id, Status FROM Order WHERE OrderReferenceNumber = '{{ trigger.increment_id }}'",
            },
            Property.Number("maxRecords", "Maximum records").WithDefault(2000),
        ],
    };
}
