using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Testing.Fakes;

/// <summary>
/// Checks an OAuth 1.0a HMAC-SHA256 <c>Authorization</c> header as a vendor does, with code of its own rather than the
/// product's signer: the OAuth parameters (not <c>realm</c>, not the signature) and the query parameters, encoded, sorted
/// and signed with <c>consumerSecret&amp;tokenSecret</c>; a fresh nonce, a timestamp within five minutes.
/// </summary>
public sealed partial class OAuth1Verifier(string consumerKey, string consumerSecret, string token, string tokenSecret, string? realm)
{
    private readonly ConcurrentDictionary<string, bool> _nonces = new();

    /// <summary>Why the request's signature is refused, or null when it is right.</summary>
    public string? Refusal(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("OAuth ", StringComparison.Ordinal))
        {
            return "no OAuth header";
        }

        var oauth = HeaderParameter().Matches(header[6..]).ToDictionary(m => m.Groups[1].Value, m => Uri.UnescapeDataString(m.Groups[2].Value));
        if (realm is not null && oauth.GetValueOrDefault("realm") != realm)
        {
            return $"realm {oauth.GetValueOrDefault("realm")}";
        }

        if (oauth.GetValueOrDefault("oauth_consumer_key") != consumerKey || oauth.GetValueOrDefault("oauth_token") != token
            || oauth.GetValueOrDefault("oauth_signature_method") != "HMAC-SHA256" || oauth.GetValueOrDefault("oauth_version") != "1.0")
        {
            return "keys or method";
        }

        if (!long.TryParse(oauth.GetValueOrDefault("oauth_timestamp"), out var timestamp) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp) > 300)
        {
            return "timestamp";
        }

        if (oauth.GetValueOrDefault("oauth_nonce") is not { Length: >= 6 } nonce || !_nonces.TryAdd(nonce, true))
        {
            return "nonce reused";
        }

        var signed = oauth.Where(p => p.Key != "realm" && p.Key != "oauth_signature").Select(p => (p.Key, p.Value))
            .Concat(request.Query.SelectMany(q => q.Value.Select(v => (q.Key, v ?? ""))));
        var baseString = BaseString(request.Method, request.Scheme, request.Host.Value!, request.Path.Value!, signed);
        var key = Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(consumerSecret)}&{Uri.EscapeDataString(tokenSecret)}");
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(baseString)));
        return expected == oauth.GetValueOrDefault("oauth_signature") ? null : "signature";
    }

    /// <summary>The signature base string, per RFC 5849 §3.4.1.</summary>
    public static string BaseString(string method, string scheme, string host, string path, IEnumerable<(string Name, string Value)> parameters)
    {
        static string Pct(string s) => Uri.EscapeDataString(s);
        var normalized = string.Join("&", parameters.Select(p => (Name: Pct(p.Name), Value: Pct(p.Value))).OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"));
        return $"{method.ToUpperInvariant()}&{Pct($"{scheme.ToLowerInvariant()}://{host.ToLowerInvariant()}{path}")}&{Pct(normalized)}";
    }

    [GeneratedRegex("([a-z_]+)=\"([^\"]*)\"")]
    private static partial Regex HeaderParameter();
}
