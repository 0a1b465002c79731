using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Credentials;

namespace FlowDesigner.Connectors.ServiceNow;

/// <summary>Reads one incident (<c>GET /api/now/table/incident?sysparm_limit=1</c>): it needs a valid sign-in and read access to incidents.</summary>
public sealed class ServiceNowCredentialTester(ServiceNowClient serviceNow) : ICredentialTester
{
    public IReadOnlyList<string> CredentialTypes { get; } = [ServiceNowCredential.Key];

    public Task<CredentialTestOutcome> TestAsync(CredentialValues credential, CancellationToken cancellationToken) => VendorTest.RunAsync(
        () => serviceNow.SendAsync(credential, HttpMethod.Get, $"{ServiceNowProperties.TablePath("incident")}?sysparm_limit=1&sysparm_fields=sys_id", null, cancellationToken),
        () => $"Signed in to {credential.Get("instanceUrl")}; the incident table answered.",
        reply => ServiceNowErrors.From(reply, "read the incident table"));
}
