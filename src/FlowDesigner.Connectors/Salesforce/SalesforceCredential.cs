using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Salesforce;

/// <summary>
/// A Salesforce connected app: OAuth 2.0 client credentials against the org's My Domain, or the username-password
/// flow against the login URL. The token response's <c>instance_url</c> says where the REST API is.
/// </summary>
public sealed class SalesforceCredential : ICredentialType
{
    public const string Key = "salesforce.oauth2";

    public CredentialTypeDescriptor Descriptor { get; } = new(Key, "Salesforce")
    {
        Icon = "icons/salesforce.svg",
        Description = "A connected app's consumer key and secret. Client credentials run as the app's integration user; username-password signs in as a user.",
        Fields =
        [
            CredentialField.Select("flow", "Sign-in flow", ("client_credentials", "Client credentials"), ("password", "Username and password")),
            CredentialField.Text("loginUrl", "Login URL") with
            {
                Default = "https://login.salesforce.com",
                Help = "Client credentials need the org's My Domain (https://acme.my.salesforce.com). Sandboxes sign in at https://test.salesforce.com.",
            },
            CredentialField.Text("clientId", "Consumer key"),
            CredentialField.Secret("clientSecret", "Consumer secret"),
            CredentialField.Text("username", "User name") with { VisibleWhen = VisibleWhen.Is("flow", "password") },
            CredentialField.Secret("password", "Password") with { VisibleWhen = VisibleWhen.Is("flow", "password") },
            CredentialField.Secret("securityToken", "Security token") with
            {
                Required = false,
                VisibleWhen = VisibleWhen.Is("flow", "password"),
                Help = "Appended to the password, unless the user signs in from a trusted IP range.",
            },
            CredentialField.Text("apiVersion", "API version") with { Default = "v60.0" },
        ],
    };
}
