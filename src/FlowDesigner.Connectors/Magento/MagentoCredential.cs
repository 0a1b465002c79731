using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Magento;

/// <summary>
/// A Magento 2 / Adobe Commerce store and an integration's credentials: every request signed with OAuth 1.0a
/// (HMAC-SHA256) from the four values an activated integration shows, or the access token alone as a Bearer token
/// where the store allows that.
/// </summary>
public sealed class MagentoCredential : ICredentialType
{
    public const string Key = "magento.token";

    public CredentialTypeDescriptor Descriptor { get; } = new(Key, "Magento / Adobe Commerce")
    {
        Icon = "icons/magento.svg",
        Description = "An integration (System > Extensions > Integrations) with Sales read access. Activating it shows the consumer key and "
            + "secret and the access token and secret. The token alone works as a Bearer token only where the store allows it "
            + "(oauth/consumer/enable_integration_as_bearer, off by default).",
        Fields =
        [
            CredentialField.Text("baseUrl", "Store URL") with { Help = "Such as https://shop.example.com" },
            CredentialField.Text("storeCode", "Store view code") with { Default = "default" },
            CredentialField.Select("auth", "Sign requests with", ("oauth1", "OAuth 1.0a signature (all four values)"), ("bearer", "The access token as a Bearer token")),
            CredentialField.Text("consumerKey", "Consumer key") with { VisibleWhen = VisibleWhen.Is("auth", "oauth1") },
            CredentialField.Secret("consumerSecret", "Consumer secret") with { VisibleWhen = VisibleWhen.Is("auth", "oauth1") },
            CredentialField.Secret("accessToken", "Access token"),
            CredentialField.Secret("accessTokenSecret", "Access token secret") with { VisibleWhen = VisibleWhen.Is("auth", "oauth1") },
        ],
    };
}
