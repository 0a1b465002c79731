using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.NetSuite;

/// <summary>Runs a one-row SuiteQL query: a signed request that NetSuite answers only when keys, tokens and role are right.</summary>
public sealed class NetSuiteCredentialTester(NetSuiteClient netSuite) : ICredentialTester
{
    public IReadOnlyList<string> CredentialTypes { get; } = [NetSuiteCredential.Key];

    public async Task<CredentialTestOutcome> TestAsync(CredentialValues credential, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await netSuite.QueryAsync(credential, "SELECT id FROM subsidiary", 1, 0, cancellationToken);
            return reply.Succeeded
                ? new CredentialTestOutcome(true, $"Signed in to account {NetSuiteClient.Realm(credential)}; SuiteQL answered.")
                : new CredentialTestOutcome(false, NetSuiteErrors.From(reply, "run a test query").Message);
        }
        catch (StepFailedException exception)
        {
            return new CredentialTestOutcome(false, exception.Message);
        }
    }
}
