using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Credentials;

namespace FlowDesigner.Connectors.NetSuite;

/// <summary>Runs a one-row SuiteQL query: a signed request that NetSuite answers only when keys, tokens and role are right.</summary>
public sealed class NetSuiteCredentialTester(NetSuiteClient netSuite) : ICredentialTester
{
    public IReadOnlyList<string> CredentialTypes { get; } = [NetSuiteCredential.Key];

    public Task<CredentialTestOutcome> TestAsync(CredentialValues credential, CancellationToken cancellationToken) => VendorTest.RunAsync(
        () => netSuite.QueryAsync(credential, "SELECT id FROM subsidiary", 1, 0, cancellationToken),
        () => $"Signed in to account {NetSuiteClient.Realm(credential)}; SuiteQL answered.",
        reply => NetSuiteErrors.From(reply, "run a test query"));
}
