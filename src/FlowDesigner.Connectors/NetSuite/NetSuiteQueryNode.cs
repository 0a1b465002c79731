using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.NetSuite;

public sealed class NetSuiteQueryNode : INodeType
{
    public const string Key = "netsuite.suiteql";

    public NodeTypeDescriptor Descriptor { get; } = ConnectorNode.Action(Key, "SuiteQL query", NetSuiteClient.Vendor, NetSuiteCredential.Key,
        "Runs a SuiteQL query and goes on with its rows, page after page up to the maximum.") with
    {
        ExampleOutputJson = """{ "count": 1, "totalResults": 1, "items": [ { "id": "107", "companyname": "Jane Doe" } ] }""",
        Properties =
        [
            Property.Multiline("query", "SuiteQL") with { Required = true, Placeholder = "SELECT id, tranid FROM transaction WHERE externalid = 'magento-000001042'" },
            Property.Number("maxRecords", "Maximum rows").WithDefault(1000),
        ],
    };
}
