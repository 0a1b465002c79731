namespace FlowDesigner.Model.Users;

/// <summary>A personal API token as stored: never its value, which only its owner saw once.</summary>
public sealed record ApiTokenRecord(Guid Id, string UserId, string Name, DateTime CreatedAt, DateTime? ExpiresAt)
{
    public DateTime? LastUsedAt { get; init; }

    public DateTime? RevokedAt { get; init; }

    /// <summary>Whether the token may be used at <paramref name="now"/>: not revoked and not expired.</summary>
    public bool IsUsableAt(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
