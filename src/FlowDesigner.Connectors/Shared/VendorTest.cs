using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.Shared;

/// <summary>Turns one signed call to a vendor into a connection test's outcome, in the vendor's words when it refuses.</summary>
public static class VendorTest
{
    /// <param name="call">The signed request that only succeeds with a good credential.</param>
    /// <param name="success">What to say when it succeeded.</param>
    /// <param name="refusal">The vendor's error, as a step would report it.</param>
    public static async Task<CredentialTestOutcome> RunAsync(Func<Task<VendorReply>> call, Func<string> success, Func<VendorReply, StepFailedException> refusal)
    {
        try
        {
            var reply = await call();
            return reply.Succeeded ? new CredentialTestOutcome(true, success()) : new CredentialTestOutcome(false, refusal(reply).Message);
        }
        catch (StepFailedException exception)
        {
            return new CredentialTestOutcome(false, exception.Message);
        }
    }
}
