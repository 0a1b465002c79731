namespace FlowDesigner.Model.Credentials;

/// <summary>
/// A stored credential, decrypted for the step that signs in with it. It lives in memory only: the engine keeps
/// its secret values out of step rows, error messages and logs.
/// </summary>
/// <param name="stamp">Changes whenever the credential is saved; a token obtained with an earlier stamp is not used.</param>
public sealed class CredentialValues(Guid id, string type, string name, IReadOnlyDictionary<string, string> fields, IReadOnlyCollection<string> secretNames, DateTime stamp)
{
    public Guid Id { get; } = id;

    public string Type { get; } = type;

    public string Name { get; } = name;

    public DateTime Stamp { get; } = stamp;

    public IReadOnlyDictionary<string, string> Fields { get; } = fields;

    /// <summary>The values of the secret fields that are set, for redaction.</summary>
    public IReadOnlyList<string> SecretValues { get; } =
        [.. secretNames.Select(n => fields.GetValueOrDefault(n) ?? "").Where(v => v.Length > 0)];

    /// <summary>The field's value, or <paramref name="fallback"/> when it is empty.</summary>
    public string Get(string field, string fallback = "") =>
        Fields.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : fallback;

    /// <exception cref="Execution.StepFailedException">The field is empty.</exception>
    public string Require(string field) => Get(field) is { Length: > 0 } value
        ? value
        : throw new Execution.StepFailedException($"The credential '{Name}' has no value for '{field}'. Fill it in on the Credentials page.", retryable: false);
}
