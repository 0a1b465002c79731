namespace FlowDesigner.Persistence.Entities;

/// <summary>A personal API token: the SHA-256 of its value, never the value.</summary>
public sealed class ApiTokenEntity
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The token's value hashed (hex); the value itself is shown once, when made, and kept nowhere.</summary>
    public string Hash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
