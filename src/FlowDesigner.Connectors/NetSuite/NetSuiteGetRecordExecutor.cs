using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Connectors.NetSuite;

/// <summary><c>GET /record/v1/{type}/{id}[?expandSubResources=true]</c>. https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1545141500.html</summary>
public sealed class NetSuiteGetRecordExecutor(NetSuiteClient netSuite) : INodeExecutor
{
    public string NodeType => NetSuiteGetRecordNode.Key;

    public async Task<NodeResult> ExecuteAsync(NodeExecutionContext context, CancellationToken cancellationToken)
    {
        var type = ConfigValues.Text(context, "recordType", "Record type");
        var id = ConfigValues.Text(context, "id", "Id");
        var expand = PropertyValues.AsText(context.GetConfig("expand")) == "true" ? "?expandSubResources=true" : "";
        var reply = await netSuite.SendAsync(
            ConfigValues.Credential(context), HttpMethod.Get, $"/services/rest/record/v1/{Uri.EscapeDataString(type)}/{Uri.EscapeDataString(id)}{expand}", null, cancellationToken);
        return reply.Succeeded ? new NodeResult(reply.Json) : throw NetSuiteErrors.From(reply, $"read {type} {id}");
    }
}
