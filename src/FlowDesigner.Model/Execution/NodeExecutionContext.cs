using System.Text.Json;

namespace FlowDesigner.Model.Execution;

/// <summary>What an executor knows about the step it runs.</summary>
/// <param name="IdempotencyKey"><c>runId:nodeId:item</c>: the same for every attempt of this step, to pass on to the systems it calls.</param>
/// <param name="Config">The node's settings with every expression already evaluated.</param>
/// <param name="Input">The output of the step before it; for a join, an object of the incoming steps' outputs by name.</param>
public sealed record NodeExecutionContext(
    Guid RunId,
    string NodeId,
    string NodeName,
    string IdempotencyKey,
    int Attempt,
    IReadOnlyDictionary<string, JsonElement> Config,
    JsonElement Input)
{
    /// <summary>The node's credential, decrypted, when its type signs in; never written anywhere.</summary>
    public Credentials.CredentialValues? Credential { get; init; }

    public JsonElement? GetConfig(string name) => Config.TryGetValue(name, out var value) ? value : null;

    public string GetText(string name, string fallback = "") =>
        GetConfig(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() ?? fallback
        : GetConfig(name) is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } other ? other.ToString()
        : fallback;

    public double GetNumber(string name, double fallback) => GetConfig(name) switch
    {
        { ValueKind: JsonValueKind.Number } value => value.GetDouble(),
        { ValueKind: JsonValueKind.String } value when double.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => fallback,
    };
}
