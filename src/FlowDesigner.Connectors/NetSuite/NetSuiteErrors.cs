using System.Text.Json;
using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.NetSuite;

/// <summary>
/// Turns NetSuite's error body (<c>{"title","status","o:errorDetails":[{"detail","o:errorCode","o:errorPath"}]}</c>) into a
/// step error; 429 and 5xx may be retried. https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_156570709583.html
/// </summary>
public static class NetSuiteErrors
{
    public static StepFailedException From(VendorReply reply, string action)
    {
        var details = reply.Json.ValueKind == JsonValueKind.Object && reply.Json.TryGetProperty("o:errorDetails", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(Describe).ToList()
            : [];
        var said = details.Count > 0 ? string.Join("; ", details) : reply.Excerpt;
        var hint = reply.Code == 401 ? " Check the NetSuite credential's keys and tokens, and the Login Audit Trail." : "";
        return new StepFailedException($"NetSuite could not {action} ({reply.Code} {said}).{hint}", VendorHttp.IsTransient(reply.Code), reply.RetryAfter);
    }

    private static string Describe(JsonElement detail)
    {
        var code = Text(detail, "o:errorCode");
        var path = Text(detail, "o:errorPath");
        return $"{code}{(code is null ? "" : ": ")}{Text(detail, "detail")}{(path is null ? "" : $" [at {path}]")}";
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
