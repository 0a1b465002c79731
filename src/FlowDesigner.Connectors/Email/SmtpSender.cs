using FlowDesigner.Connectors.Outbound;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Execution;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace FlowDesigner.Connectors.Email;

/// <summary>
/// Connects to the credential's SMTP server with MailKit, signs in when it has a user, and sends. SMTP's own codes
/// decide retries: 4xx replies are transient (RFC 5321 §4.2.1), 5xx are not.
/// </summary>
/// The connection passes the outbound guard like every other connector's.
public sealed class SmtpSender(OutboundGuard guard)
{
    public async Task SendAsync(CredentialValues credential, MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        try
        {
            await ConnectAsync(client, credential, cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException exception)
        {
            var code = (int)exception.StatusCode;
            throw new StepFailedException(
                $"The mail server refused the message ({code}: {exception.Message.Trim()})" + (exception.Mailbox is { } box ? $" for {box.Address}." : "."),
                retryable: code is >= 400 and < 500,
                innerException: exception);
        }
    }

    /// <summary>Connects and signs in; the failures say which of host, TLS or account to check.</summary>
    public async Task ConnectAsync(SmtpClient client, CredentialValues credential, CancellationToken cancellationToken)
    {
        var host = credential.Require("host");
        var port = int.TryParse(credential.Get("port", "587"), out var p) ? p : 587;
        var security = credential.Get("security", "starttls") switch
        {
            "ssl" => SecureSocketOptions.SslOnConnect,
            "none" => SecureSocketOptions.None,
            "auto" => SecureSocketOptions.Auto,
            _ => SecureSocketOptions.StartTls,
        };
        try
        {
            // MailKit takes over the socket, and closes it with the client.
            await client.ConnectAsync(await guard.ConnectSocketAsync(host, port, cancellationToken), host, port, security, cancellationToken);
            if (credential.Get("username") is { Length: > 0 } user)
            {
                await client.AuthenticateAsync(user, credential.Get("password"), cancellationToken);
            }
        }
        catch (OutboundBlockedException exception)
        {
            throw new StepFailedException(exception.Message, retryable: false, innerException: exception);
        }
        catch (AuthenticationException exception)
        {
            throw new StepFailedException($"The mail server {host} refused the sign-in of '{credential.Get("username")}': {exception.Message} Check the SMTP credential.", retryable: false, innerException: exception);
        }
        catch (Exception exception) when (exception is System.Net.Sockets.SocketException or SslHandshakeException or ProtocolException or IOException)
        {
            throw new StepFailedException($"The mail server {host}:{port} could not be reached with TLS mode '{credential.Get("security", "starttls")}': {exception.Message}", retryable: true, innerException: exception);
        }
        catch (NotSupportedException exception)
        {
            throw new StepFailedException($"The mail server {host}:{port} does not offer what TLS mode '{credential.Get("security", "starttls")}' needs: {exception.Message}", retryable: false, innerException: exception);
        }
    }
}
