using System.Text.Json;
using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.NetSuite;

/// <summary>SuiteQL pages of up to 1000 rows, following <c>hasMore</c>. https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157909186990.html</summary>
public sealed class NetSuiteQueryExecutor(NetSuiteClient netSuite) : INodeExecutor
{
    private const int PageSize = 1000;

    public string NodeType => NetSuiteQueryNode.Key;

    public async Task<NodeResult> ExecuteAsync(NodeExecutionContext context, CancellationToken cancellationToken)
    {
        var query = ConfigValues.Text(context, "query", "SuiteQL");
        var max = Math.Max(1, (int)context.GetNumber("maxRecords", PageSize));
        var limit = Math.Min(PageSize, max);
        var credential = ConfigValues.Credential(context);
        var items = new List<JsonElement>();
        var totalResults = 0;
        for (var offset = 0; ; offset += limit)
        {
            var reply = await netSuite.QueryAsync(credential, query, limit, offset, cancellationToken);
            if (!reply.Succeeded)
            {
                throw NetSuiteErrors.From(reply, "run the SuiteQL query");
            }

            items.AddRange(reply.Json.GetProperty("items").EnumerateArray().Take(max - items.Count));
            totalResults = reply.Json.TryGetProperty("totalResults", out var total) ? total.GetInt32() : items.Count;
            if (!reply.Json.TryGetProperty("hasMore", out var more) || !more.GetBoolean() || items.Count >= max)
            {
                break;
            }
        }

        return NodeResult.Of(new { count = items.Count, totalResults, items });
    }
}
