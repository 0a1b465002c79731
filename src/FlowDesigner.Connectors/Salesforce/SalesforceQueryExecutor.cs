using System.Text.Json;
using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.Salesforce;

/// <summary>
/// <c>GET /query?q=…</c>, then <c>nextRecordsUrl</c> while <c>done</c> is false and the maximum is not reached.
/// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_query.htm
/// </summary>
public sealed class SalesforceQueryExecutor(SalesforceClient salesforce) : INodeExecutor
{
    public string NodeType => SalesforceQueryNode.Key;

    public async Task<NodeResult> ExecuteAsync(NodeExecutionContext context, CancellationToken cancellationToken)
    {
        var soql = ConfigValues.Text(context, "soql", "SOQL");
        var max = Math.Max(1, (int)context.GetNumber("maxRecords", 2000));
        var credential = ConfigValues.Credential(context);
        var records = new List<JsonElement>();
        var path = $"query?q={Uri.EscapeDataString(soql)}";
        var totalSize = 0;
        var done = false;
        while (true)
        {
            var reply = await salesforce.SendAsync(credential, HttpMethod.Get, path, null, cancellationToken);
            if (!reply.Succeeded)
            {
                throw SalesforceErrors.From(reply, "run the SOQL query");
            }

            totalSize = reply.Json.GetProperty("totalSize").GetInt32();
            records.AddRange(reply.Json.GetProperty("records").EnumerateArray().Take(max - records.Count));
            done = reply.Json.GetProperty("done").GetBoolean();
            if (done || records.Count >= max || !reply.Json.TryGetProperty("nextRecordsUrl", out var next) || next.GetString() is not { Length: > 0 } nextPath)
            {
                break;
            }

            path = nextPath;
        }

        return NodeResult.Of(new { totalSize, done = done && records.Count == totalSize, records });
    }
}
