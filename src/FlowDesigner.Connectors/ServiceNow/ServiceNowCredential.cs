using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.ServiceNow;

/// <summary>A ServiceNow instance and how to sign in to it: basic auth, or OAuth 2.0 through <c>/oauth_token.do</c>.</summary>
public sealed class ServiceNowCredential : ICredentialType
{
    public const string Key = "servicenow";

    public CredentialTypeDescriptor Descriptor { get; } = new(Key, "ServiceNow")
    {
        Icon = "icons/servicenow.svg",
        Description = "An instance URL with a user's basic auth, or an OAuth application registry's client id and secret.",
        Fields =
        [
            CredentialField.Text("instanceUrl", "Instance URL") with { Help = "Such as https://acme.service-now.com" },
            CredentialField.Select("auth", "Sign in with",
                ("basic", "Basic auth"), ("oauth2-password", "OAuth2 (user and password)"), ("oauth2-client", "OAuth2 (client credentials)")),
            CredentialField.Text("username", "User name") with { VisibleWhen = VisibleWhen.Is("auth", "basic", "oauth2-password") },
            CredentialField.Secret("password", "Password") with { VisibleWhen = VisibleWhen.Is("auth", "basic", "oauth2-password") },
            CredentialField.Text("clientId", "Client id") with { VisibleWhen = VisibleWhen.Is("auth", "oauth2-password", "oauth2-client") },
            CredentialField.Secret("clientSecret", "Client secret") with { VisibleWhen = VisibleWhen.Is("auth", "oauth2-password", "oauth2-client") },
        ],
    };
}
