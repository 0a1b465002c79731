using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Email;

/// <summary>An SMTP server to send mail through, and the account to sign in with.</summary>
public sealed class SmtpCredential : ICredentialType
{
    public const string Key = "smtp";

    public CredentialTypeDescriptor Descriptor { get; } = new(Key, "SMTP")
    {
        Icon = "icons/email.svg",
        Description = "A mail server: host, port and TLS mode, with the account that sends.",
        Fields =
        [
            CredentialField.Text("host", "Host") with { Help = "Such as smtp.office365.com" },
            CredentialField.Text("port", "Port") with { Default = "587" },
            CredentialField.Select("security", "TLS",
                ("starttls", "STARTTLS (port 587)"), ("ssl", "TLS from the start (port 465)"), ("auto", "Whatever the server offers"), ("none", "None (local relays only)")),
            CredentialField.Text("username", "User name") with { Required = false, Help = "Empty: send without signing in (an internal relay)." },
            CredentialField.Secret("password", "Password") with { Required = false },
            CredentialField.Text("from", "Default sender") with { Help = "Such as FlowDesigner <flows@example.com>" },
        ],
    };
}
