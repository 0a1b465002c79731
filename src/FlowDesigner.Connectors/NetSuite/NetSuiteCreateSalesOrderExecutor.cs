using System.Text.Json;
using System.Text.RegularExpressions;
using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.NetSuite;

/// <summary>
/// <c>POST /record/v1/salesOrder</c>: 204 with the new record's URL in <c>Location</c>. An <c>externalId</c> is looked up
/// with SuiteQL first, since NetSuite has no idempotency for synchronous requests.
/// https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1545141395.html
/// </summary>
public sealed partial class NetSuiteCreateSalesOrderExecutor(NetSuiteClient netSuite) : INodeExecutor
{
    public string NodeType => NetSuiteCreateSalesOrderNode.Key;

    public async Task<NodeResult> ExecuteAsync(NodeExecutionContext context, CancellationToken cancellationToken)
    {
        var fields = ConfigValues.Object(context, "fields", "Sales order");
        var credential = ConfigValues.Credential(context);
        var externalId = fields.TryGetProperty("externalId", out var given) && given.ValueKind == JsonValueKind.String ? given.GetString() : null;
        if (externalId is { Length: > 0 })
        {
            if (!ExternalIdShape().IsMatch(externalId))
            {
                throw new StepFailedException($"'{context.NodeName}': the externalId '{externalId}' may hold only letters, digits, _ and -.", retryable: false);
            }

            var found = await netSuite.QueryAsync(
                credential, $"SELECT id FROM transaction WHERE externalid = {NetSuiteClient.Literal(externalId)}", 1, 0, cancellationToken);
            if (!found.Succeeded)
            {
                throw NetSuiteErrors.From(found, $"look for a sales order with external id '{externalId}'");
            }

            if (found.Json.GetProperty("items") is { ValueKind: JsonValueKind.Array } items && items.GetArrayLength() > 0)
            {
                return NodeResult.Of(new { id = items[0].GetProperty("id").ToString(), externalId, created = false });
            }
        }

        var reply = await netSuite.SendAsync(credential, HttpMethod.Post, "/services/rest/record/v1/salesOrder", fields, cancellationToken);
        if (!reply.Succeeded)
        {
            throw NetSuiteErrors.From(reply, "create the sales order");
        }

        var location = reply.Header("Location");
        var id = location?.TrimEnd('/').Split('/')[^1];
        return NodeResult.Of(new { id, externalId, created = true, location });
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex ExternalIdShape();
}
