using System.Text.Json;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.Shared;

/// <summary>Reads a connector node's resolved settings, failing the step with a message that names the setting.</summary>
public static class ConfigValues
{
    /// <summary>A setting that must hold a JSON object: given as an object, or as text that parses to one.</summary>
    public static JsonElement Object(NodeExecutionContext context, string name, string label)
    {
        var value = context.GetConfig(name);
        if (value is { ValueKind: JsonValueKind.String } text && text.GetString() is { Length: > 0 } raw)
        {
            try
            {
                value = JsonDocument.Parse(raw).RootElement.Clone();
            }
            catch (JsonException)
            {
                value = null;
            }
        }

        return value is { ValueKind: JsonValueKind.Object } json
            ? json
            : throw new StepFailedException($"'{context.NodeName}': '{label}' must be a JSON object of field names and values.", retryable: false);
    }

    /// <summary>A text setting that must not be empty.</summary>
    public static string Text(NodeExecutionContext context, string name, string label) =>
        context.GetText(name).Trim() is { Length: > 0 } text
            ? text
            : throw new StepFailedException($"'{context.NodeName}' needs a value for '{label}'.", retryable: false);

    /// <summary>The credential of the step; the engine has checked that the node type's credential is chosen.</summary>
    public static Model.Credentials.CredentialValues Credential(NodeExecutionContext context) =>
        context.Credential ?? throw new StepFailedException($"'{context.NodeName}' needs a credential. Choose one in its settings.", retryable: false);
}
