using System.Text.Json;
using FlowDesigner.Model.Credentials;

namespace FlowDesigner.Model.Polling;

/// <summary>What a poller knows: the trigger node's settings, its credential, and where the last poll stopped.</summary>
/// <param name="Cursor">The cursor the last poll returned; null on the first poll.</param>
public sealed record PollContext(Guid WorkflowId, string NodeName, IReadOnlyDictionary<string, JsonElement> Config, CredentialValues? Credential, JsonElement? Cursor)
{
    public string GetText(string name, string fallback = "") =>
        Config.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? (value.ValueKind == JsonValueKind.String ? value.GetString() ?? fallback : value.ToString())
            : fallback;
}
