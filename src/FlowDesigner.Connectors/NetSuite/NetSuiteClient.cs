using System.Text;
using System.Text.Json;
using FlowDesigner.Connectors.Auth;
using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Credentials;

namespace FlowDesigner.Connectors.NetSuite;

/// <summary>
/// NetSuite SuiteTalk REST client (record service <c>/services/rest/record/v1</c>, SuiteQL <c>/services/rest/query/v1/suiteql</c>);
/// every request carries a fresh OAuth 1.0a signature over its method, URL and query.
/// Docs: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1546938065.html,
/// https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_158394344595.html
/// </summary>
public sealed class NetSuiteClient(IHttpClientFactory httpClients, TimeProvider clock)
{
    public const string Vendor = "NetSuite";

    /// <param name="path">From the REST root, such as <c>/services/rest/record/v1/salesOrder</c>, with its query.</param>
    public async Task<VendorReply> SendAsync(
        CredentialValues credential, HttpMethod method, string path, JsonElement? body, CancellationToken cancellationToken, bool transient = false)
    {
        var uri = new Uri(BaseUrl(credential), path);
        using var request = new HttpRequestMessage(method, uri);
        var header = OAuth1Signature.HeaderParameters(
            method.Method, uri, Realm(credential), credential.Require("consumerKey"), credential.Require("consumerSecret"),
            credential.Require("tokenId"), credential.Require("tokenSecret"), OAuth1Signature.NewNonce(), clock.GetUtcNow().ToUnixTimeSeconds());
        request.Headers.TryAddWithoutValidation("Authorization", $"OAuth {header}");
        request.Headers.Accept.ParseAdd("application/json");
        if (transient)
        {
            request.Headers.TryAddWithoutValidation("Prefer", "transient");
        }

        if (body is { } json)
        {
            request.Content = new StringContent(json.GetRawText(), Encoding.UTF8, "application/json");
        }

        return await VendorHttp.SendAsync(httpClients.CreateClient(ConnectorHttp.ClientName), request, Vendor, cancellationToken);
    }

    /// <summary>Runs a SuiteQL query for one page: <c>POST …/suiteql?limit=&amp;offset=</c> with <c>Prefer: transient</c>.</summary>
    public Task<VendorReply> QueryAsync(CredentialValues credential, string query, int limit, int offset, CancellationToken cancellationToken) =>
        SendAsync(credential, HttpMethod.Post, $"/services/rest/query/v1/suiteql?limit={limit}&offset={offset}",
            JsonSerializer.SerializeToElement(new { q = query }), cancellationToken, transient: true);

    /// <summary>In the host the account id is lower case with <c>-</c> (<c>1234567-sb1</c>).</summary>
    public static Uri BaseUrl(CredentialValues credential) => credential.Get("baseUrl") is { Length: > 0 } configured
        ? VendorHttp.BaseUrl(configured, credential.Name, "REST base URL")
        : new Uri($"https://{credential.Require("accountId").ToLowerInvariant().Replace('_', '-')}.suitetalk.api.netsuite.com");

    /// <summary>In the signature's realm the account id is upper case with <c>_</c> (<c>1234567_SB1</c>).</summary>
    public static string Realm(CredentialValues credential) => credential.Require("accountId").ToUpperInvariant().Replace('-', '_');

    /// <summary>Quotes a value for a SuiteQL string literal.</summary>
    public static string Literal(string value) => $"'{value.Replace("'", "''")}'";
}
