using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Http;

/// <summary>An API key sent in a header or a query parameter of the API's choosing.</summary>
public sealed class ApiKeyCredential : ICredentialType
{
    public const string Key = "http.api-key";

    public CredentialTypeDescriptor Descriptor { get; } = new(Key, "API key")
    {
        Icon = "icons/http-request.svg",
        Description = "A key sent with every request, in a header (such as X-API-Key) or a query parameter (such as api_key).",
        Fields =
        [
            CredentialField.Select("location", "Send it in", ("header", "A header"), ("query", "A query parameter")),
            CredentialField.Text("name", "Header or parameter name") with { Default = "X-API-Key" },
            CredentialField.Secret("key", "Key"),
            AllowedHosts.Field,
            HttpCredentialFields.TestUrl,
        ],
    };
}
