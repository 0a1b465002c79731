using System.Text.Json;
using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.Salesforce;

/// <summary>
/// Turns Salesforce's error array (<c>[{"message","errorCode","fields"}]</c>) into a step error that repeats what it
/// said, and decides whether another attempt may help: limits, row locks and 5xx may; validation errors may not.
/// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
/// </summary>
public static class SalesforceErrors
{
    private static readonly HashSet<string> RetryableCodes = ["REQUEST_LIMIT_EXCEEDED", "UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE"];

    public static StepFailedException From(VendorReply reply, string action)
    {
        var errors = Parse(reply.Json);
        if (errors.Count == 0)
        {
            return new StepFailedException(
                $"Salesforce could not {action} ({reply.Code}): {reply.Excerpt}", VendorHttp.IsTransient(reply.Code), reply.RetryAfter);
        }

        var said = string.Join("; ", errors.Select(e => $"{e.Code}: {e.Message}" + (e.Fields.Count > 0 ? $" (fields: {string.Join(", ", e.Fields)})" : "")));
        var retryable = VendorHttp.IsTransient(reply.Code) || errors.Any(e => RetryableCodes.Contains(e.Code));
        var hint = reply.Code == 401 ? " Check the Salesforce credential." : "";
        return new StepFailedException($"Salesforce could not {action} ({reply.Code} {said}).{hint}", retryable, reply.RetryAfter);
    }

    /// <summary>The first error code of an error array, such as <c>INVALID_SESSION_ID</c>.</summary>
    public static string? FirstCode(VendorReply reply) => Parse(reply.Json).FirstOrDefault().Code;

    private static List<(string Code, string Message, List<string> Fields)> Parse(JsonElement json)
    {
        var items = json.ValueKind switch
        {
            JsonValueKind.Array => json.EnumerateArray().ToList(),
            JsonValueKind.Object => [json],
            _ => [],
        };
        return [.. items
            .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("errorCode", out _))
            .Select(e => (
                e.GetProperty("errorCode").GetString() ?? "",
                e.TryGetProperty("message", out var message) ? message.GetString() ?? "" : "",
                e.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Array
                    ? fields.EnumerateArray().Select(f => f.GetString() ?? "").ToList()
                    : []))];
    }
}
