using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Engine.Webhooks;

/// <summary>
/// A signature of the raw body alone, HMAC-SHA256 with the shared secret, in one header: GitHub's
/// <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>, Shopify's base64 <c>X-Shopify-Hmac-Sha256</c>, or a header the user
/// names. These sign no timestamp, so a recorded request could be sent again: a dedupe key guards against that.
/// </summary>
public static class BodySignatureCheck
{
    public const string GitHubHeader = "X-Hub-Signature-256";

    public const string ShopifyHeader = "X-Shopify-Hmac-Sha256";

    /// <param name="base64">Base64 when true, else hex; either may come after a <c>sha256=</c> prefix.</param>
    public static string? Refusal(string secret, IHeaderDictionary headers, ReadOnlySequence<byte> body, string header, bool base64)
    {
        var given = headers[header].ToString();
        if (given.Length == 0)
        {
            return $"No {header} header: this webhook takes only requests signed with its secret.";
        }

        if (given.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
        {
            given = given["sha256=".Length..];
        }

        var expected = Signatures.Hmac(secret, "", body);
        return (base64 ? Signatures.MatchesBase64(given, expected) : Signatures.MatchesHex(given, expected))
            ? null
            : $"The {header} signature does not match the body signed with the webhook's secret (HMAC-SHA256, {(base64 ? "base64" : "hex")}).";
    }
}
