using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.ServiceNow;

/// <summary><c>GET /api/now/table/{table}/{sys_id}</c>: 200 <c>{"result":{…}}</c> or 404.</summary>
public sealed class ServiceNowGetRecordExecutor(ServiceNowClient serviceNow) : INodeExecutor
{
    public string NodeType => ServiceNowGetRecordNode.Key;

    public async Task<NodeResult> ExecuteAsync(NodeExecutionContext context, CancellationToken cancellationToken)
    {
        var table = ConfigValues.Text(context, "table", "Table");
        var sysId = ConfigValues.Text(context, "sysId", "Record sys_id");
        var reply = await serviceNow.SendAsync(
            ConfigValues.Credential(context), HttpMethod.Get, $"{ServiceNowProperties.TablePath(table)}/{Uri.EscapeDataString(sysId)}", null, cancellationToken);
        return reply.Succeeded ? new NodeResult(reply.Json.GetProperty("result")) : throw ServiceNowErrors.From(reply, $"read {table} {sysId}");
    }
}
