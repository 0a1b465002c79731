using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Http;

/// <summary>Fields the generic HTTP credential types share.</summary>
public static class HttpCredentialFields
{
    /// <summary>What Test connection calls: a generic credential has no endpoint of its own to ask.</summary>
    public static CredentialFieldDescriptor TestUrl { get; } = CredentialField.Text("testUrl", "Test URL") with
    {
        Required = false,
        Help = "A URL that answers 2xx when the credential is right; Test connection sends a GET to it.",
    };

    /// <summary>The generic types the HTTP request node can sign in with.</summary>
    public static IReadOnlyList<string> GenericTypes { get; } =
        [HttpBasicCredential.Key, BearerTokenCredential.Key, ApiKeyCredential.Key, OAuth2ClientCredential.Key];
}
