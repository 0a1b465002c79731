using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Http;

/// <summary>User name and password sent as <c>Authorization: Basic</c> (RFC 7617).</summary>
public sealed class HttpBasicCredential : ICredentialType
{
    public const string Key = "http.basic";

    public CredentialTypeDescriptor Descriptor { get; } = new(Key, "HTTP basic auth")
    {
        Icon = "icons/http-request.svg",
        Description = "A user name and password, sent with every request as an Authorization: Basic header.",
        Fields =
        [
            CredentialField.Text("username", "User name"),
            CredentialField.Secret("password", "Password"),
            AllowedHosts.Field,
            HttpCredentialFields.TestUrl,
        ],
    };
}
