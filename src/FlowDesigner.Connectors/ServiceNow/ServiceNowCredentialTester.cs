using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.ServiceNow;

/// <summary>Reads one incident (<c>GET /api/now/table/incident?sysparm_limit=1</c>): it needs a valid sign-in and the itil role's read access.</summary>
public sealed class ServiceNowCredentialTester(ServiceNowClient serviceNow) : ICredentialTester
{
    public IReadOnlyList<string> CredentialTypes { get; } = [ServiceNowCredential.Key];

    public async Task<CredentialTestOutcome> TestAsync(CredentialValues credential, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await serviceNow.SendAsync(
                credential, HttpMethod.Get, $"{ServiceNowProperties.TablePath("incident")}?sysparm_limit=1&sysparm_fields=sys_id", null, cancellationToken);
            return reply.Succeeded
                ? new CredentialTestOutcome(true, $"Signed in to {credential.Get("instanceUrl")}; the incident table answered.")
                : new CredentialTestOutcome(false, ServiceNowErrors.From(reply, "read the incident table").Message);
        }
        catch (StepFailedException exception)
        {
            return new CredentialTestOutcome(false, exception.Message);
        }
    }
}
