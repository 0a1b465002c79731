using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Http;

/// <summary>A fixed token sent as <c>Authorization: Bearer</c> (RFC 6750).</summary>
public sealed class BearerTokenCredential : ICredentialType
{
    public const string Key = "http.bearer";

    public CredentialTypeDescriptor Descriptor { get; } = new(Key, "Bearer token")
    {
        Icon = "icons/http-request.svg",
        Description = "A token the API issued, sent with every request as an Authorization: Bearer header.",
        Fields = [CredentialField.Secret("token", "Token"), AllowedHosts.Field, HttpCredentialFields.TestUrl],
    };
}
