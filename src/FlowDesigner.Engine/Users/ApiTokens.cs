using System.Security.Cryptography;
using System.Text;
using FlowDesigner.Model.Users;

namespace FlowDesigner.Engine.Users;

/// <summary>
/// Personal API tokens: made of 32 random bytes, shown once, kept only as their SHA-256 (a value that random needs no
/// slow hash), checked for revocation and expiry at every use, and marked when last used (at most once a minute).
/// </summary>
public sealed class ApiTokens(IApiTokenStore store, TimeProvider clock)
{
    /// <summary>What every token starts with, so that one pasted somewhere it should not be is recognisable.</summary>
    public const string Prefix = "fdt_";

    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    /// <summary>Makes a token for a user; the value is returned here once and kept nowhere.</summary>
    /// <exception cref="ArgumentException">The name is blank or too long, or the expiry has passed.</exception>
    public async Task<(ApiTokenRecord Token, string Value)> CreateAsync(string userId, string name, DateTime? expiresAt, Actor actor, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > 200)
        {
            throw new ArgumentException("Give the token a name of at most 200 characters, saying what uses it (a script, a CI job).", nameof(name));
        }

        if (expiresAt is { } at && at <= clock.GetUtcNow().UtcDateTime)
        {
            throw new ArgumentException("The expiry date has passed; choose a later one, or none.", nameof(expiresAt));
        }

        var value = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = await store.CreateAsync(userId, trimmed, Hash(value), expiresAt, actor, cancellationToken);
        return (token, value);
    }

    /// <summary>The token a request presented, when it is usable; null for an unknown, revoked or expired one.</summary>
    public async Task<ApiTokenRecord?> ValidateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length > 100)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (await store.FindByHashAsync(Hash(presented), cancellationToken) is not { } token || !token.IsUsableAt(now))
        {
            return null;
        }

        if (token.LastUsedAt is not { } last || now - last >= TouchEvery)
        {
            await store.TouchAsync(token.Id, now, cancellationToken);
            token = token with { LastUsedAt = now };
        }

        return token;
    }

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
