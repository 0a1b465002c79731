using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.Salesforce;

/// <summary><c>POST /sobjects/{object}/</c>: 201 <c>{"id","errors","success"}</c>.</summary>
public sealed class SalesforceCreateRecordExecutor(SalesforceClient salesforce) : INodeExecutor
{
    public string NodeType => SalesforceCreateRecordNode.Key;

    public async Task<NodeResult> ExecuteAsync(NodeExecutionContext context, CancellationToken cancellationToken)
    {
        var sObject = ConfigValues.Text(context, "object", "Object");
        var fields = ConfigValues.Object(context, "fields", "Fields");
        var reply = await salesforce.SendAsync(
            ConfigValues.Credential(context), HttpMethod.Post, $"sobjects/{SalesforceProperties.Segment(sObject)}/", fields, cancellationToken);
        return reply.Succeeded ? new NodeResult(reply.Json) : throw SalesforceErrors.From(reply, $"create the {sObject}");
    }
}
