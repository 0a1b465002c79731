using System.Text.Json;
using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.Salesforce;

/// <summary>
/// <c>PATCH /sobjects/{object}/{field}/{value}</c>: 201 when created, 200 (v46+) or 204 when updated, 300 when several match.
/// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_upsert.htm
/// </summary>
public sealed class SalesforceUpsertRecordExecutor(SalesforceClient salesforce) : INodeExecutor
{
    public string NodeType => SalesforceUpsertRecordNode.Key;

    public async Task<NodeResult> ExecuteAsync(NodeExecutionContext context, CancellationToken cancellationToken)
    {
        var sObject = ConfigValues.Text(context, "object", "Object");
        var field = ConfigValues.Text(context, "externalIdField", "External id field");
        var value = ConfigValues.Text(context, "externalId", "External id");
        var fields = ConfigValues.Object(context, "fields", "Fields");
        var reply = await salesforce.SendAsync(
            ConfigValues.Credential(context), HttpMethod.Patch,
            $"sobjects/{SalesforceProperties.Segment(sObject)}/{SalesforceProperties.Segment(field)}/{SalesforceProperties.Segment(value)}",
            fields, cancellationToken);
        if (reply.Code == 300)
        {
            throw new StepFailedException(
                $"Salesforce found several {sObject} records with {field} = '{value}' (300); make the field unique so that one record matches.", retryable: false);
        }

        if (!reply.Succeeded)
        {
            throw SalesforceErrors.From(reply, $"upsert {sObject} {field} = '{value}'");
        }

        var id = reply.Json.ValueKind == JsonValueKind.Object && reply.Json.TryGetProperty("id", out var given) ? given.GetString() : null;
        var created = reply.Code == 201 || (reply.Json.ValueKind == JsonValueKind.Object && reply.Json.TryGetProperty("created", out var flag) && flag.ValueKind == JsonValueKind.True);
        return NodeResult.Of(new { id, created, success = true, externalId = value });
    }
}
