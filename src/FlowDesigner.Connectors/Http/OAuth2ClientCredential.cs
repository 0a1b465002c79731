using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Http;

/// <summary>OAuth 2.0 client credentials grant (RFC 6749 §4.4): a token fetched, cached until it expires, and sent as Bearer.</summary>
public sealed class OAuth2ClientCredential : ICredentialType
{
    public const string Key = "http.oauth2-client-credentials";

    public CredentialTypeDescriptor Descriptor { get; } = new(Key, "OAuth2 client credentials")
    {
        Icon = "icons/http-request.svg",
        Description = "A client id and secret exchanged at the token endpoint for an access token, which is kept until it expires and then fetched again.",
        Fields =
        [
            CredentialField.Text("tokenUrl", "Token URL") with { Help = "Such as https://auth.example.com/oauth2/token" },
            CredentialField.Text("clientId", "Client id"),
            CredentialField.Secret("clientSecret", "Client secret"),
            CredentialField.Text("scope", "Scope") with { Required = false, Help = "Space-separated, when the API asks for one." },
            CredentialField.Select("clientAuth", "Send the client id and secret", ("body", "In the form body"), ("header", "As a Basic auth header")),
            AllowedHosts.Field,
            HttpCredentialFields.TestUrl,
        ],
    };
}
