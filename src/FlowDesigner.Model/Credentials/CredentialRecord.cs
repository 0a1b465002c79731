namespace FlowDesigner.Model.Credentials;

/// <summary>A stored credential as the store keeps it: its fields are one encrypted blob.</summary>
/// <param name="ProtectedData">The fields as JSON, encrypted; only the credential service can read it.</param>
public sealed record CredentialRecord(Guid Id, string Type, string Name, string ProtectedData, DateTime CreatedAt, DateTime UpdatedAt, string UpdatedBy)
{
    public CredentialTestOutcome? LastTest { get; init; }

    public DateTime? LastTestedAt { get; init; }
}
