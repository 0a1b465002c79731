using System.Net.Http.Headers;
using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Credentials;

namespace FlowDesigner.Connectors.Magento;

/// <summary>
/// Magento 2 REST client: <c>{store}/rest/{store code}/V1/…</c>, each request signed with OAuth 1.0a (HMAC-SHA256,
/// query parameters included, key <c>consumerSecret&amp;accessTokenSecret</c>) or sent with the integration token as Bearer.
/// Docs: https://developer.adobe.com/commerce/webapi/get-started/authentication/gs-authentication-oauth/,
/// https://developer.adobe.com/commerce/webapi/get-started/authentication/gs-authentication-token/,
/// https://developer.adobe.com/commerce/webapi/rest/use-rest/performing-searches/
/// </summary>
public sealed class MagentoClient(IHttpClientFactory httpClients, TimeProvider clock)
{
    public const string Vendor = "Magento";

    /// <param name="path">After <c>/V1/</c>, with its query, such as <c>orders/1042</c>.</param>
    public async Task<VendorReply> GetAsync(CredentialValues credential, string path, CancellationToken cancellationToken)
    {
        var store = VendorHttp.BaseUrl(credential.Require("baseUrl"), credential.Name, "store URL");
        var code = Uri.EscapeDataString(credential.Get("storeCode", "default"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{store.ToString().TrimEnd('/')}/rest/{code}/V1/{path}");
        if (credential.Get("auth", "oauth1") == "bearer")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential.Require("accessToken"));
        }
        else
        {
            request.Headers.TryAddWithoutValidation("Authorization", "OAuth " + Auth.OAuth1Signature.HeaderParameters(
                "GET", request.RequestUri!, null, credential.Require("consumerKey"), credential.Require("consumerSecret"),
                credential.Require("accessToken"), credential.Require("accessTokenSecret"), Auth.OAuth1Signature.NewNonce(), clock.GetUtcNow().ToUnixTimeSeconds()));
        }

        request.Headers.Accept.ParseAdd("application/json");
        return await VendorHttp.SendAsync(httpClients.CreateClient(ConnectorHttp.ClientName), request, Vendor, cancellationToken);
    }
}
