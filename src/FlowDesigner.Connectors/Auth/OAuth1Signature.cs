using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace FlowDesigner.Connectors.Auth;

/// <summary>
/// OAuth 1.0a request signing with HMAC-SHA256 (RFC 5849 §3.4), as NetSuite's token-based authentication requires:
/// the OAuth parameters (not <c>realm</c>) and the URL's query parameters are encoded, sorted and signed with
/// <c>consumerSecret&amp;tokenSecret</c>. https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157651396916.html
/// </summary>
public static class OAuth1Signature
{
    public const string Method = "HMAC-SHA256";

    /// <summary>RFC 3986 percent-encoding: everything but <c>A-Z a-z 0-9 - . _ ~</c>, upper-case hex, a space as <c>%20</c>.</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);

    /// <summary><c>METHOD&amp;pct(base URI)&amp;pct(sorted parameters)</c>; the base URI has no query and no default port.</summary>
    public static string BaseString(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> oauthParameters)
    {
        var query = QueryHelpers.ParseQuery(uri.Query)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? "")));
        var normalized = string.Join("&", oauthParameters.Concat(query)
            .Select(p => (Name: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
        var baseUri = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return $"{method.ToUpperInvariant()}&{Encode(baseUri)}&{Encode(normalized)}";
    }

    public static string Sign(string baseString, string consumerSecret, string tokenSecret)
    {
        var key = Encoding.UTF8.GetBytes($"{Encode(consumerSecret)}&{Encode(tokenSecret)}");
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(baseString)));
    }

    /// <summary>The value of the <c>Authorization</c> header after the <c>OAuth</c> scheme: every parameter encoded and quoted.</summary>
    /// <param name="realm">NetSuite's account; null for none (Magento).</param>
    public static string HeaderParameters(
        string method, Uri uri, string? realm, string consumerKey, string consumerSecret, string token, string tokenSecret, string nonce, long timestamp)
    {
        var parameters = new Dictionary<string, string>
        {
            ["oauth_consumer_key"] = consumerKey,
            ["oauth_token"] = token,
            ["oauth_nonce"] = nonce,
            ["oauth_timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["oauth_signature_method"] = Method,
            ["oauth_version"] = "1.0",
        };
        var signature = Sign(BaseString(method, uri, parameters), consumerSecret, tokenSecret);
        parameters["oauth_signature"] = signature;
        var signed = string.Join(", ", parameters.Select(p => $"{p.Key}=\"{Encode(p.Value)}\""));
        return realm is null ? signed : $"realm=\"{Encode(realm)}\", {signed}";
    }

    /// <summary>A fresh nonce: 20 letters and digits.</summary>
    public static string NewNonce()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}
