using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.ServiceNow;

public sealed class ServiceNowGetRecordNode : INodeType
{
    public const string Key = "servicenow.get-record";

    public NodeTypeDescriptor Descriptor { get; } = ConnectorNode.Action(Key, "Get record", ServiceNowClient.Vendor, ServiceNowCredential.Key,
        "Reads a record of a table by its sys_id.") with
    {
        ExampleOutputJson = """{ "sys_id": "46d44a5ddb2d1300d7ec1e3b8a9619d1", "number": "INC0010023", "short_description": "Installation service for Magento order #000001042", "state": "1", "urgency": "3", "impact": "3", "correlation_id": "magento:1042:svc" }""",
        Properties = [ServiceNowProperties.Table, ServiceNowProperties.SysId],
    };
}
