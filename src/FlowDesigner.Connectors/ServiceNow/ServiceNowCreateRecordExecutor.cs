using System.Text.Json;
using System.Text.Json.Nodes;
using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.ServiceNow;

/// <summary>
/// <c>POST /api/now/table/{table}</c>: 201 <c>{"result":{…}}</c>. With a correlation id, a
/// <c>GET …?sysparm_query=correlation_id={id}&amp;sysparm_limit=1</c> first finds the record an earlier attempt created.
/// </summary>
public sealed class ServiceNowCreateRecordExecutor(ServiceNowClient serviceNow) : INodeExecutor
{
    public string NodeType => ServiceNowCreateRecordNode.Key;

    public async Task<NodeResult> ExecuteAsync(NodeExecutionContext context, CancellationToken cancellationToken)
    {
        var table = ConfigValues.Text(context, "table", "Table");
        var fields = JsonNode.Parse(ConfigValues.Object(context, "fields", "Fields").GetRawText())!.AsObject();
        var credential = ConfigValues.Credential(context);
        var path = ServiceNowProperties.TablePath(table);
        var correlationId = context.GetText("correlationId").Trim();
        if (correlationId.Length > 0)
        {
            fields["correlation_id"] = correlationId;
            var query = $"{path}?sysparm_query={Uri.EscapeDataString($"correlation_id={correlationId}")}&sysparm_limit=1";
            var found = await serviceNow.SendAsync(credential, HttpMethod.Get, query, null, cancellationToken);
            if (!found.Succeeded && found.Code != 404)
            {
                throw ServiceNowErrors.From(found, $"look for a {table} record with correlation id '{correlationId}'");
            }

            if (found.Succeeded && found.Json.GetProperty("result") is { ValueKind: JsonValueKind.Array } rows && rows.GetArrayLength() > 0)
            {
                return new NodeResult(rows[0]);
            }
        }

        var reply = await serviceNow.SendAsync(credential, HttpMethod.Post, path, JsonSerializer.SerializeToElement(fields), cancellationToken);
        return reply.Succeeded ? new NodeResult(reply.Json.GetProperty("result")) : throw ServiceNowErrors.From(reply, $"create the {table} record");
    }
}
