namespace FlowDesigner.Engine.Credentials;

/// <summary>
/// What the edit form of a stored credential shows: the values of its plain fields and which secrets are set,
/// never a secret's value.
/// </summary>
/// <param name="UpdatedAt">The revision opened; a save based on an older one is refused.</param>
/// <param name="Problem">Set when the stored fields cannot be decrypted: the form then asks for every secret again.</param>
public sealed record CredentialForm(
    Guid Id, string Type, string Name, DateTime UpdatedAt, IReadOnlyDictionary<string, string> Values, IReadOnlySet<string> SetSecrets, string? Problem);
