using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.NetSuite;

public sealed class NetSuiteGetRecordNode : INodeType
{
    public const string Key = "netsuite.get-record";

    public NodeTypeDescriptor Descriptor { get; } = ConnectorNode.Action(Key, "Get record", NetSuiteClient.Vendor, NetSuiteCredential.Key,
        "Reads a record by its internal id, or by eid:{external id}.") with
    {
        ExampleOutputJson = """{ "id": "4711", "tranId": "SO1042", "tranDate": "2025-03-14", "entity": { "id": "107", "refName": "Jane Doe" }, "memo": "Magento order #000001042", "total": 677 }""",
        Properties =
        [
            Property.Text("recordType", "Record type").WithDefault("salesOrder") with { Required = true, Help = "Such as salesOrder, customer or invoice." },
            Property.Text("id", "Id") with { Required = true, Placeholder = "{{ steps[\"Create sales order\"].id }}" },
            Property.Bool("expand", "Include sublists").WithDefault(false),
        ],
    };
}
