namespace FlowDesigner.Engine.Credentials;

/// <summary>A credential as the form sends it. A secret left empty keeps the stored value.</summary>
/// <param name="Id">Null for a new credential.</param>
/// <param name="ExpectedUpdatedAt">The revision the form was opened on (for an edit).</param>
public sealed record CredentialInput(Guid? Id, string Type, string Name, IReadOnlyDictionary<string, string> Fields, DateTime? ExpectedUpdatedAt = null);
