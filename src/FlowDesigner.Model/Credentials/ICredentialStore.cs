using FlowDesigner.Model.Users;

namespace FlowDesigner.Model.Credentials;

/// <summary>Stored credentials; every change is written to the audit log with the change.</summary>
public interface ICredentialStore
{
    /// <summary>Every credential, by name.</summary>
    Task<IReadOnlyList<CredentialRecord>> ListAsync(CancellationToken cancellationToken);

    Task<CredentialRecord?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <exception cref="CredentialConflictException">Another credential has the name.</exception>
    Task<CredentialRecord> CreateAsync(string type, string name, string protectedData, Actor actor, CancellationToken cancellationToken);

    /// <exception cref="CredentialConflictException">Another credential has the name, or it was changed since <paramref name="expectedUpdatedAt"/>.</exception>
    Task<CredentialRecord> UpdateAsync(Guid id, string name, string protectedData, DateTime expectedUpdatedAt, Actor actor, CancellationToken cancellationToken);

    /// <summary>Deletes the credential unless an active version uses it; returns the names of those workflows when refused.</summary>
    Task<IReadOnlyList<string>> DeleteAsync(Guid id, Actor actor, CancellationToken cancellationToken);

    /// <summary>The names of the workflows whose active version has a node that signs in with the credential.</summary>
    Task<IReadOnlyList<string>> FindPublishedUsersAsync(Guid id, CancellationToken cancellationToken);

    Task RecordTestAsync(Guid id, CredentialTestOutcome outcome, DateTime at, CancellationToken cancellationToken);
}
