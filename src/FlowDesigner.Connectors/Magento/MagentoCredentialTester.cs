using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.Magento;

/// <summary>Searches one order: it needs a valid token with Sales read access.</summary>
public sealed class MagentoCredentialTester(MagentoClient magento) : ICredentialTester
{
    public IReadOnlyList<string> CredentialTypes { get; } = [MagentoCredential.Key];

    public async Task<CredentialTestOutcome> TestAsync(CredentialValues credential, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await magento.GetAsync(credential, "orders?searchCriteria%5BpageSize%5D=1&fields=total_count", cancellationToken);
            return reply.Succeeded
                ? new CredentialTestOutcome(true, $"Signed in to {credential.Get("baseUrl")}; the orders search answered.")
                : new CredentialTestOutcome(false, MagentoErrors.From(reply, "search orders").Message);
        }
        catch (StepFailedException exception)
        {
            return new CredentialTestOutcome(false, exception.Message);
        }
    }
}
