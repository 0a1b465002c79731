using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.ServiceNow;

public sealed class ServiceNowCreateRecordNode : INodeType
{
    public const string Key = "servicenow.create-record";

    public NodeTypeDescriptor Descriptor { get; } = ConnectorNode.Action(Key, "Create record", ServiceNowClient.Vendor, ServiceNowCredential.Key,
        "Creates a record in a table (an incident by default) and goes on with it, sys_id and number included.") with
    {
        Properties =
        [
            ServiceNowProperties.Table,
            ServiceNowProperties.Fields,
            Property.Text("correlationId", "Correlation id") with
            {
                Placeholder = "magento:{{ trigger.entity_id }}:svc",
                Help = "Stored in correlation_id. When set, a record that has it already is returned instead of creating another: retries create one record.",
            },
        ],
    };
}
