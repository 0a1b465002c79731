using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Credentials;

namespace FlowDesigner.Connectors.Salesforce;

/// <summary>Signs in and lists the API version's resources (<c>GET /services/data/{version}/</c>), which needs a valid session.</summary>
public sealed class SalesforceCredentialTester(SalesforceClient salesforce) : ICredentialTester
{
    public IReadOnlyList<string> CredentialTypes { get; } = [SalesforceCredential.Key];

    public async Task<CredentialTestOutcome> TestAsync(CredentialValues credential, CancellationToken cancellationToken)
    {
        var instance = "";
        return await VendorTest.RunAsync(
            async () =>
            {
                instance = (await salesforce.TokenAsync(credential, cancellationToken)).InstanceUrl;
                return await salesforce.SendAsync(credential, HttpMethod.Get, "", null, cancellationToken);
            },
            () => $"Signed in to {instance}; API {SalesforceClient.ApiVersion(credential)} answered.",
            reply => SalesforceErrors.From(reply, "list the API's resources"));
    }
}
