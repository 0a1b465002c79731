using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.ServiceNow;

/// <summary><c>PATCH /api/now/table/{table}/{sys_id}</c>: 200 <c>{"result":{…}}</c>, 404 when there is no such record.</summary>
public sealed class ServiceNowUpdateRecordExecutor(ServiceNowClient serviceNow) : INodeExecutor
{
    public string NodeType => ServiceNowUpdateRecordNode.Key;

    public async Task<NodeResult> ExecuteAsync(NodeExecutionContext context, CancellationToken cancellationToken)
    {
        var table = ConfigValues.Text(context, "table", "Table");
        var sysId = ConfigValues.Text(context, "sysId", "Record sys_id");
        var fields = ConfigValues.Object(context, "fields", "Fields");
        var reply = await serviceNow.SendAsync(
            ConfigValues.Credential(context), HttpMethod.Patch, $"{ServiceNowProperties.TablePath(table)}/{Uri.EscapeDataString(sysId)}", fields, cancellationToken);
        return reply.Succeeded ? new NodeResult(reply.Json.GetProperty("result")) : throw ServiceNowErrors.From(reply, $"update {table} {sysId}");
    }
}
