using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Webhooks;

namespace FlowDesigner.Connectors.Core;

/// <summary>The key or signing secret a webhook's sender shares with it; it never leaves the server.</summary>
public sealed class WebhookSecretCredential : ICredentialType
{
    public CredentialTypeDescriptor Descriptor { get; } = new(WebhookProtection.SecretCredentialType, "Webhook secret")
    {
        Icon = "icons/core-webhook.svg",
        Description = "The API key or signing secret a sender uses with a webhook trigger, as the sender shows it (a Standard Webhooks or Stripe secret starts with whsec_).",
        Fields = [CredentialField.Secret("secret", "Secret or key")],
    };
}
