using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Credentials;

namespace FlowDesigner.Connectors.Magento;

/// <summary>Searches one order: it needs a valid token with Sales read access.</summary>
public sealed class MagentoCredentialTester(MagentoClient magento) : ICredentialTester
{
    public IReadOnlyList<string> CredentialTypes { get; } = [MagentoCredential.Key];

    public Task<CredentialTestOutcome> TestAsync(CredentialValues credential, CancellationToken cancellationToken) => VendorTest.RunAsync(
        () => magento.GetAsync(credential, "orders?searchCriteria%5BpageSize%5D=1&fields=total_count", cancellationToken),
        () => $"Signed in to {credential.Get("baseUrl")}; the orders search answered.",
        reply => MagentoErrors.From(reply, "search orders"));
}
