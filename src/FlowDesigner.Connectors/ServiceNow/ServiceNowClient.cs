using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FlowDesigner.Connectors.Auth;
using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Credentials;

namespace FlowDesigner.Connectors.ServiceNow;

/// <summary>
/// ServiceNow Table API client (<c>/api/now/table/{table}</c>), JSON in and out, signed with basic auth or an OAuth
/// token from <c>/oauth_token.do</c> (form-encoded; kept until <c>expires_in</c>, then renewed with the refresh token).
/// Docs: https://www.servicenow.com/docs/bundle/zurich-api-reference/page/integrate/inbound-rest/concept/c_TableAPI.html,
/// https://www.servicenow.com/docs/r/zurich/platform-security/authentication/r_OAuthAPIRequestParameters.html
/// </summary>
public sealed class ServiceNowClient(IHttpClientFactory httpClients, TokenCache tokens, TimeProvider clock)
{
    public const string Vendor = "ServiceNow";

    /// <param name="path">From the instance's root, such as <c>/api/now/table/incident?sysparm_limit=1</c>.</param>
    public async Task<VendorReply> SendAsync(CredentialValues credential, HttpMethod method, string path, JsonElement? body, CancellationToken cancellationToken)
    {
        var instance = VendorHttp.BaseUrl(credential.Require("instanceUrl"), credential.Name, "instance URL");
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, new Uri(instance, path));
            request.Headers.Accept.ParseAdd("application/json");
            if (body is { } json)
            {
                request.Content = new StringContent(json.GetRawText(), Encoding.UTF8, "application/json");
            }

            AccessToken? token = null;
            if (credential.Get("auth", "basic") == "basic")
            {
                var pair = Encoding.UTF8.GetBytes($"{credential.Require("username")}:{credential.Get("password")}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
            }
            else
            {
                token = await TokenAsync(credential, cancellationToken);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
            }

            var reply = await VendorHttp.SendAsync(httpClients.CreateClient(ConnectorHttp.ClientName), request, Vendor, cancellationToken);
            if (reply.Code == 401 && token is not null && attempt == 0)
            {
                tokens.Invalidate(credential, token);
                continue;
            }

            return reply;
        }
    }

    public Task<AccessToken> TokenAsync(CredentialValues credential, CancellationToken cancellationToken) =>
        tokens.GetAsync(credential, (previous, ct) => FetchTokenAsync(credential, previous, ct), cancellationToken);

    private async Task<AccessToken> FetchTokenAsync(CredentialValues credential, AccessToken? previous, CancellationToken cancellationToken)
    {
        var instance = VendorHttp.BaseUrl(credential.Require("instanceUrl"), credential.Name, "instance URL");
        var tokenUrl = new Uri(instance, "/oauth_token.do");
        var client = httpClients.CreateClient(ConnectorHttp.ClientName);
        var form = new Dictionary<string, string>
        {
            ["client_id"] = credential.Require("clientId"),
            ["client_secret"] = credential.Require("clientSecret"),
        };
        if (previous?.RefreshToken is { Length: > 0 } refresh)
        {
            try
            {
                var refreshed = await OAuth2TokenClient.RequestAsync(
                    client, tokenUrl, new Dictionary<string, string>(form) { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh }, Vendor, clock, cancellationToken);
                return refreshed.RefreshToken is null ? refreshed with { RefreshToken = refresh } : refreshed;
            }
            catch (Model.Execution.StepFailedException)
            {
                // The refresh token ran out too: sign in afresh below.
            }
        }

        if (credential.Get("auth") == "oauth2-password")
        {
            form["grant_type"] = "password";
            form["username"] = credential.Require("username");
            form["password"] = credential.Require("password");
        }
        else
        {
            form["grant_type"] = "client_credentials";
        }

        return await OAuth2TokenClient.RequestAsync(client, tokenUrl, form, Vendor, clock, cancellationToken);
    }
}
