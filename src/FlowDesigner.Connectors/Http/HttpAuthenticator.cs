using System.Net.Http.Headers;
using System.Text;
using FlowDesigner.Connectors.Auth;
using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Execution;
using Microsoft.AspNetCore.WebUtilities;

namespace FlowDesigner.Connectors.Http;

/// <summary>Signs a request with one of the generic HTTP credentials: basic, bearer, API key, or an OAuth2 client-credentials token.</summary>
public sealed class HttpAuthenticator(IHttpClientFactory httpClients, TokenCache tokens, TimeProvider clock)
{
    /// <summary>Adds the credential to the request; for OAuth2, returns the token used, so that a 401 can drop it.</summary>
    /// <exception cref="StepFailedException">The request's host is not one the credential may be sent to (see <see cref="AllowedHosts"/>).</exception>
    public async Task<AccessToken?> ApplyAsync(HttpRequestMessage request, CredentialValues credential, CancellationToken cancellationToken)
    {
        if (HttpCredentialFields.GenericTypes.Contains(credential.Type))
        {
            AllowedHosts.Require(credential, request.RequestUri!);
        }

        switch (credential.Type)
        {
            case HttpBasicCredential.Key:
                var pair = Encoding.UTF8.GetBytes($"{credential.Require("username")}:{credential.Get("password")}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
                return null;
            case BearerTokenCredential.Key:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential.Require("token"));
                return null;
            case ApiKeyCredential.Key:
                var name = credential.Get("name", "X-API-Key");
                if (credential.Get("location", "header") == "query")
                {
                    request.RequestUri = new Uri(QueryHelpers.AddQueryString(request.RequestUri!.ToString(), name, credential.Require("key")));
                }
                else
                {
                    request.Headers.Remove(name);
                    request.Headers.TryAddWithoutValidation(name, credential.Require("key"));
                }

                return null;
            case OAuth2ClientCredential.Key:
                var token = await TokenAsync(credential, cancellationToken);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
                return token;
            default:
                throw new StepFailedException($"The credential '{credential.Name}' ({credential.Type}) cannot sign a plain HTTP request.", retryable: false);
        }
    }

    /// <summary>Forgets a token the API refused, so that the next attempt fetches a new one.</summary>
    public void Refused(CredentialValues credential, AccessToken token) => tokens.Invalidate(credential, token);

    public Task<AccessToken> TokenAsync(CredentialValues credential, CancellationToken cancellationToken) =>
        tokens.GetAsync(credential, (_, ct) => FetchAsync(credential, ct), cancellationToken);

    private Task<AccessToken> FetchAsync(CredentialValues credential, CancellationToken cancellationToken)
    {
        var tokenUrl = VendorHttp.BaseUrl(credential.Require("tokenUrl"), credential.Name, "token URL");
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (credential.Get("scope") is { Length: > 0 } scope)
        {
            form["scope"] = scope;
        }

        AuthenticationHeaderValue? clientAuthorization = null;
        if (credential.Get("clientAuth", "body") == "header")
        {
            // RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined for the Basic header.
            var pair = $"{Uri.EscapeDataString(credential.Require("clientId"))}:{Uri.EscapeDataString(credential.Require("clientSecret"))}";
            clientAuthorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
        else
        {
            form["client_id"] = credential.Require("clientId");
            form["client_secret"] = credential.Require("clientSecret");
        }

        return OAuth2TokenClient.RequestAsync(
            httpClients.CreateClient(ConnectorHttp.ClientName), tokenUrl, form, "The token endpoint", clock, cancellationToken, clientAuthorization);
    }
}
