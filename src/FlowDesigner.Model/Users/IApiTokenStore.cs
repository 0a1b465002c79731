namespace FlowDesigner.Model.Users;

/// <summary>Personal API tokens, kept by the hash of their value; every creation and revocation is audited.</summary>
public interface IApiTokenStore
{
    Task<ApiTokenRecord> CreateAsync(string userId, string name, string hash, DateTime? expiresAt, Actor actor, CancellationToken cancellationToken);

    /// <summary>The token whose value hashes to <paramref name="hash"/>, usable or not; null when none.</summary>
    Task<ApiTokenRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken);

    /// <summary>The user's tokens, newest first.</summary>
    Task<IReadOnlyList<ApiTokenRecord>> ListAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Records a use of the token.</summary>
    Task TouchAsync(Guid id, DateTime at, CancellationToken cancellationToken);

    /// <summary>Revokes one token; false when it was revoked already or does not exist.</summary>
    Task<bool> RevokeAsync(Guid id, Actor actor, CancellationToken cancellationToken);

    /// <summary>Revokes every token of a user (disabled or deleted); how many were.</summary>
    Task<int> RevokeAllAsync(string userId, Actor actor, CancellationToken cancellationToken);
}
