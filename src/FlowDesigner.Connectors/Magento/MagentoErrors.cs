using System.Text.Json;
using System.Text.RegularExpressions;
using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.Magento;

/// <summary>
/// Turns Magento's <c>{"message","parameters"}</c> error into a step error, with <c>%1</c> or <c>%name</c> filled in from
/// the parameters. https://developer.adobe.com/commerce/webapi/get-started/gs-web-api-response/
/// </summary>
public static partial class MagentoErrors
{
    public static StepFailedException From(VendorReply reply, string action)
    {
        var said = reply.Json.ValueKind == JsonValueKind.Object && reply.Json.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
            ? Render(message.GetString() ?? "", reply.Json.TryGetProperty("parameters", out var parameters) ? parameters : default)
            : reply.Excerpt;
        var hint = reply.Code == 401 ? " Check the Magento credential's keys and tokens, the integration's API access, and that the store allows Bearer tokens if the credential sends one." : "";
        return new StepFailedException($"Magento could not {action} ({reply.Code}: {said}).{hint}", VendorHttp.IsTransient(reply.Code), reply.RetryAfter);
    }

    /// <summary>Fills <c>%1</c>, <c>%2</c> from a parameter array and <c>%name</c> from a parameter object.</summary>
    public static string Render(string message, JsonElement parameters) => Placeholder().Replace(message, match =>
    {
        var name = match.Groups[1].Value;
        return parameters.ValueKind switch
        {
            JsonValueKind.Array when int.TryParse(name, out var position) && position >= 1 && position <= parameters.GetArrayLength() =>
                parameters[position - 1].ToString(),
            JsonValueKind.Object when parameters.TryGetProperty(name, out var value) => value.ToString(),
            _ => match.Value,
        };
    });

    [GeneratedRegex("%([A-Za-z0-9_]+)")]
    private static partial Regex Placeholder();
}
