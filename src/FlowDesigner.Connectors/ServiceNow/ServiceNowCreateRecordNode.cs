using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.ServiceNow;

public sealed class ServiceNowCreateRecordNode : INodeType
{
    public const string Key = "servicenow.create-record";

    public NodeTypeDescriptor Descriptor { get; } = ConnectorNode.Action(Key, "Create record", ServiceNowClient.Vendor, ServiceNowCredential.Key,
        "Creates a record in a table (an incident by default) and goes on with it, sys_id and number included.") with
    {
        ExampleOutputJson = """{ "sys_id": "46d44a5ddb2d1300d7ec1e3b8a9619d1", "number": "INC0010023", "short_description": "Installation service for Magento order #000001042", "state": "1", "urgency": "3", "impact": "3", "correlation_id": "magento:1042:svc" }""",
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
