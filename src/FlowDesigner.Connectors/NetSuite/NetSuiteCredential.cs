using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.NetSuite;

/// <summary>NetSuite token-based authentication: the account, an integration's consumer key and secret, and an access token's id and secret.</summary>
public sealed class NetSuiteCredential : ICredentialType
{
    public const string Key = "netsuite.tba";

    public CredentialTypeDescriptor Descriptor { get; } = new(Key, "NetSuite (token-based)")
    {
        Icon = "icons/netsuite.svg",
        Description = "Token-based authentication (OAuth 1.0a, HMAC-SHA256). The consumer key and secret come from the integration record, the token from Access Tokens.",
        Fields =
        [
            CredentialField.Text("accountId", "Account id") with { Help = "Such as 1234567 or 1234567_SB1 for a sandbox." },
            CredentialField.Text("baseUrl", "REST base URL") with
            {
                Required = false,
                Help = "Empty: https://{account}.suitetalk.api.netsuite.com. Copy it from Setup > Company > Company Information > Company URLs when it differs.",
            },
            CredentialField.Text("consumerKey", "Consumer key"),
            CredentialField.Secret("consumerSecret", "Consumer secret"),
            CredentialField.Text("tokenId", "Token id"),
            CredentialField.Secret("tokenSecret", "Token secret"),
        ],
    };
}
