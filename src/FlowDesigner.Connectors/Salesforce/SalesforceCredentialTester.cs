using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.Salesforce;

/// <summary>Signs in and lists the API version's resources (<c>GET /services/data/{version}/</c>), which needs a valid session.</summary>
public sealed class SalesforceCredentialTester(SalesforceClient salesforce) : ICredentialTester
{
    public IReadOnlyList<string> CredentialTypes { get; } = [SalesforceCredential.Key];

    public async Task<CredentialTestOutcome> TestAsync(CredentialValues credential, CancellationToken cancellationToken)
    {
        try
        {
            var token = await salesforce.TokenAsync(credential, cancellationToken);
            var reply = await salesforce.SendAsync(credential, HttpMethod.Get, "", null, cancellationToken);
            return reply.Succeeded
                ? new CredentialTestOutcome(true, $"Signed in to {token.InstanceUrl}; API {SalesforceClient.ApiVersion(credential)} answered.")
                : new CredentialTestOutcome(false, SalesforceErrors.From(reply, "list the API's resources").Message);
        }
        catch (StepFailedException exception)
        {
            return new CredentialTestOutcome(false, exception.Message);
        }
    }
}
