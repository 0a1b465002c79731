using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FlowDesigner.Connectors.Auth;
using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.Salesforce;

/// <summary>
/// Salesforce REST API client: signs in with the credential's OAuth flow, keeps the token until Salesforce ends the
/// session (401 <c>INVALID_SESSION_ID</c>, then one fresh sign-in), and sends JSON to <c>{instance_url}/services/data/{version}/</c>.
/// Docs: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_understanding_username_password_oauth_flow.htm,
/// https://help.salesforce.com/apex/HTViewHelpDoc?id=xcloud.remoteaccess_oauth_client_credentials_flow.htm,
/// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm
/// </summary>
public sealed class SalesforceClient(IHttpClientFactory httpClients, TokenCache tokens, TimeProvider clock)
{
    public const string Vendor = "Salesforce";

    private static readonly string[] SalesforceDomains = [".salesforce.com", ".force.com", ".cloudforce.com", ".salesforce.mil", ".sfcrmproducts.cn"];

    /// <summary>Sends a request to a path under the API version (<c>sobjects/Order/</c>) or an absolute path (<c>/services/data/...</c>).</summary>
    public async Task<VendorReply> SendAsync(CredentialValues credential, HttpMethod method, string path, JsonElement? body, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await TokenAsync(credential, cancellationToken);
            var url = path.StartsWith('/') ? $"{token.InstanceUrl}{path}" : $"{token.InstanceUrl}/services/data/{ApiVersion(credential)}/{path}";
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
            request.Headers.Accept.ParseAdd("application/json");
            if (body is { } json)
            {
                request.Content = new StringContent(json.GetRawText(), Encoding.UTF8, "application/json");
            }

            var reply = await VendorHttp.SendAsync(httpClients.CreateClient(ConnectorHttp.ClientName), request, Vendor, cancellationToken);
            if (reply.Code == 401 && attempt == 0 && SalesforceErrors.FirstCode(reply) == "INVALID_SESSION_ID")
            {
                tokens.Invalidate(credential, token);
                continue;
            }

            return reply;
        }
    }

    /// <summary>The access token and instance URL, from the cache or a new sign-in.</summary>
    public Task<AccessToken> TokenAsync(CredentialValues credential, CancellationToken cancellationToken) =>
        tokens.GetAsync(credential, (_, ct) => SignInAsync(credential, ct), cancellationToken);

    public static string ApiVersion(CredentialValues credential) => credential.Get("apiVersion", "v60.0") is var v && v.StartsWith('v') ? v : $"v{v}";

    private async Task<AccessToken> SignInAsync(CredentialValues credential, CancellationToken cancellationToken)
    {
        var loginUrl = VendorHttp.BaseUrl(credential.Get("loginUrl", "https://login.salesforce.com"), credential.Name, "login URL");
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = credential.Get("flow", "client_credentials") == "password" ? "password" : "client_credentials",
            ["client_id"] = credential.Require("clientId"),
            ["client_secret"] = credential.Require("clientSecret"),
        };
        if (form["grant_type"] == "password")
        {
            form["username"] = credential.Require("username");
            form["password"] = credential.Require("password") + credential.Get("securityToken");
        }

        var token = await OAuth2TokenClient.RequestAsync(
            httpClients.CreateClient(ConnectorHttp.ClientName), new Uri(loginUrl, "/services/oauth2/token"), form, Vendor, clock, cancellationToken);
        return token.InstanceUrl is { Length: > 0 } instance
            ? token with { InstanceUrl = CheckedInstance(instance.TrimEnd('/'), loginUrl) }
            : throw new StepFailedException("Salesforce issued a token without an instance_url; the login URL may not be a Salesforce org.", retryable: false);
    }

    /// <summary>
    /// The token goes only where the credential points: to the login URL's host or a Salesforce domain, never from
    /// https down to http, whatever a token endpoint answers.
    /// </summary>
    private static string CheckedInstance(string instance, Uri loginUrl)
    {
        var fine = Uri.TryCreate(instance, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && loginUrl.Scheme == Uri.UriSchemeHttp))
            && (uri.Host.Equals(loginUrl.Host, StringComparison.OrdinalIgnoreCase) || SalesforceDomains.Any(d => uri.Host.EndsWith(d, StringComparison.OrdinalIgnoreCase)));
        return fine
            ? instance
            : throw new StepFailedException(
                $"Salesforce's sign-in answered with '{instance}' as its instance URL, which is neither the login URL's host ({loginUrl.Host}) nor a Salesforce domain; the token was not sent there. Check the credential's login URL.",
                retryable: false);
    }
}
