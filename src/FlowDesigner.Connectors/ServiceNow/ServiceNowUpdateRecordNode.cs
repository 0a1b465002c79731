using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.ServiceNow;

public sealed class ServiceNowUpdateRecordNode : INodeType
{
    public const string Key = "servicenow.update-record";

    public NodeTypeDescriptor Descriptor { get; } = ConnectorNode.Action(Key, "Update record", ServiceNowClient.Vendor, ServiceNowCredential.Key,
        "Changes the given fields of a record found by its sys_id, and goes on with the whole record.") with
    {
        Properties = [ServiceNowProperties.Table, ServiceNowProperties.SysId, ServiceNowProperties.Fields],
    };
}
