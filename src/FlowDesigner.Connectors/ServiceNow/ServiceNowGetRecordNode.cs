using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.ServiceNow;

public sealed class ServiceNowGetRecordNode : INodeType
{
    public const string Key = "servicenow.get-record";

    public NodeTypeDescriptor Descriptor { get; } = ConnectorNode.Action(Key, "Get record", ServiceNowClient.Vendor, ServiceNowCredential.Key,
        "Reads a record of a table by its sys_id.") with
    {
        Properties = [ServiceNowProperties.Table, ServiceNowProperties.SysId],
    };
}
