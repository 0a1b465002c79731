using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Execution;
using MailKit.Net.Smtp;

namespace FlowDesigner.Connectors.Email;

/// <summary>Connects to the server with the credential's TLS mode and signs in, without sending anything.</summary>
public sealed class SmtpCredentialTester(SmtpSender smtp) : ICredentialTester
{
    public IReadOnlyList<string> CredentialTypes { get; } = [SmtpCredential.Key];

    public async Task<CredentialTestOutcome> TestAsync(CredentialValues credential, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        try
        {
            await smtp.ConnectAsync(client, credential, cancellationToken);
            var signedIn = client.IsAuthenticated ? $" and signed in as {credential.Get("username")}" : "";
            await client.DisconnectAsync(quit: true, cancellationToken);
            return new CredentialTestOutcome(true, $"Connected to {credential.Get("host")}:{credential.Get("port", "587")}{signedIn}.");
        }
        catch (StepFailedException exception)
        {
            return new CredentialTestOutcome(false, exception.Message);
        }
    }
}
