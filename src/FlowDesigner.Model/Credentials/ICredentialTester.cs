namespace FlowDesigner.Model.Credentials;

/// <summary>Tests credentials of some types by signing in to the system they are for.</summary>
public interface ICredentialTester
{
    /// <summary>The credential type keys it tests.</summary>
    IReadOnlyList<string> CredentialTypes { get; }

    /// <summary>What the system answered: who we are signed in as, or what it refused and why.</summary>
    Task<CredentialTestOutcome> TestAsync(CredentialValues credential, CancellationToken cancellationToken);
}
