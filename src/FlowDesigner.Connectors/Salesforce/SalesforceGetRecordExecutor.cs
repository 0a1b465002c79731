using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.Salesforce;

/// <summary><c>GET /sobjects/{object}/{id}?fields=…</c>: 200 with the record and its <c>attributes</c>.</summary>
public sealed class SalesforceGetRecordExecutor(SalesforceClient salesforce) : INodeExecutor
{
    public string NodeType => SalesforceGetRecordNode.Key;

    public async Task<NodeResult> ExecuteAsync(NodeExecutionContext context, CancellationToken cancellationToken)
    {
        var sObject = ConfigValues.Text(context, "object", "Object");
        var id = ConfigValues.Text(context, "recordId", "Record id");
        var select = string.Join(',', context.GetText("select").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var path = $"sobjects/{SalesforceProperties.Segment(sObject)}/{SalesforceProperties.Segment(id)}" + (select.Length > 0 ? $"?fields={Uri.EscapeDataString(select)}" : "");
        var reply = await salesforce.SendAsync(ConfigValues.Credential(context), HttpMethod.Get, path, null, cancellationToken);
        return reply.Succeeded ? new NodeResult(reply.Json) : throw SalesforceErrors.From(reply, $"read {sObject} {id}");
    }
}
