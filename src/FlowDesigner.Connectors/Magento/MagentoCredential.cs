using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Magento;

/// <summary>A Magento 2 / Adobe Commerce store and an integration's access token, sent as a Bearer token.</summary>
public sealed class MagentoCredential : ICredentialType
{
    public const string Key = "magento.token";

    public CredentialTypeDescriptor Descriptor { get; } = new(Key, "Magento / Adobe Commerce")
    {
        Icon = "icons/magento.svg",
        Description = "The access token of an integration (System > Extensions > Integrations) with Sales read access. "
            + "The store must allow integration tokens as Bearer tokens (oauth/consumer/enable_integration_as_bearer).",
        Fields =
        [
            CredentialField.Text("baseUrl", "Store URL") with { Help = "Such as https://shop.example.com" },
            CredentialField.Text("storeCode", "Store view code") with { Default = "default" },
            CredentialField.Secret("accessToken", "Access token"),
        ],
    };
}
