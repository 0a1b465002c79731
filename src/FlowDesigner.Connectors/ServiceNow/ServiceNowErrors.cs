using System.Text.Json;
using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.ServiceNow;

/// <summary>
/// Turns ServiceNow's <c>{"error":{"message","detail"},"status":"failure"}</c> into a step error; 429 (honouring
/// Retry-After) and 5xx may be retried, other statuses may not.
/// https://www.servicenow.com/docs/r/api-reference/rest-api-explorer/r_RESTAPIHTTPResponseCodes.html
/// </summary>
public static class ServiceNowErrors
{
    public static StepFailedException From(VendorReply reply, string action)
    {
        var said = reply.Json.ValueKind == JsonValueKind.Object && reply.Json.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
            ? Join(Text(error, "message"), Text(error, "detail"))
            : reply.Excerpt;
        var hint = reply.Code switch
        {
            401 => " Check the ServiceNow credential.",
            403 => " The user lacks a role or an ACL refuses it.",
            _ => "",
        };
        return new StepFailedException($"ServiceNow could not {action} ({reply.Code}: {said}).{hint}", VendorHttp.IsTransient(reply.Code), reply.RetryAfter);
    }

    private static string Join(string? message, string? detail) => detail is { Length: > 0 } ? $"{message} - {detail}" : message ?? "";

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
