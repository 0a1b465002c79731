using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.Salesforce;

/// <summary><c>PATCH /sobjects/{object}/{id}</c>: 204 with no body.</summary>
public sealed class SalesforceUpdateRecordExecutor(SalesforceClient salesforce) : INodeExecutor
{
    public string NodeType => SalesforceUpdateRecordNode.Key;

    public async Task<NodeResult> ExecuteAsync(NodeExecutionContext context, CancellationToken cancellationToken)
    {
        var sObject = ConfigValues.Text(context, "object", "Object");
        var id = ConfigValues.Text(context, "recordId", "Record id");
        var fields = ConfigValues.Object(context, "fields", "Fields");
        var reply = await salesforce.SendAsync(
            ConfigValues.Credential(context), HttpMethod.Patch,
            $"sobjects/{SalesforceProperties.Segment(sObject)}/{SalesforceProperties.Segment(id)}", fields, cancellationToken);
        return reply.Succeeded ? NodeResult.Of(new { id, success = true }) : throw SalesforceErrors.From(reply, $"update {sObject} {id}");
    }
}
