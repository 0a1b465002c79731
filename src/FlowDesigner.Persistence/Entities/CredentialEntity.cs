namespace FlowDesigner.Persistence.Entities;

public sealed class CredentialEntity
{
    public Guid Id { get; set; }

    /// <summary>The credential type key.</summary>
    public string Type { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The fields as JSON, encrypted with Data Protection.</summary>
    public string ProtectedData { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public string UpdatedById { get; set; } = "";

    public DateTime? LastTestedAt { get; set; }

    public bool? LastTestSucceeded { get; set; }

    public string? LastTestMessage { get; set; }
}
