using System.Collections.Concurrent;
using FlowDesigner.Model.Credentials;

namespace FlowDesigner.Connectors.Auth;

/// <summary>
/// Keeps OAuth access tokens in memory until shortly before they run out, one per credential, so that steps do not
/// ask the token endpoint each time. A token obtained with an earlier revision of the credential is not used (nor
/// kept) once it is saved again. One fetch at a time per credential; the others wait for it.
/// </summary>
public sealed class TokenCache(TimeProvider clock)
{
    /// <summary>A token is renewed this long before its stated expiry, so that a request never carries a dying one.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<Guid, (DateTime Stamp, AccessToken Token)> _tokens = new();
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _gates = new();

    /// <param name="fetch">Gets a new token; given the previous one of this revision (for its refresh token) when there was one.</param>
    public async Task<AccessToken> GetAsync(
        CredentialValues credential, Func<AccessToken?, CancellationToken, Task<AccessToken>> fetch, CancellationToken cancellationToken)
    {
        if (Fresh(credential) is { } cached)
        {
            return cached;
        }

        var gate = _gates.GetOrAdd(credential.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(credential) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var previous = _tokens.TryGetValue(credential.Id, out var kept) && kept.Stamp == credential.Stamp ? kept.Token : null;
            var token = await fetch(previous, cancellationToken);
            _tokens[credential.Id] = (credential.Stamp, token);
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Drops the token the vendor refused (its session ended early), unless another fetch replaced it already.</summary>
    public void Invalidate(CredentialValues credential, AccessToken refused)
    {
        if (_tokens.TryGetValue(credential.Id, out var current) && current.Token == refused)
        {
            _tokens[credential.Id] = (current.Stamp, refused with { ExpiresAt = DateTimeOffset.MinValue });
        }
    }

    private AccessToken? Fresh(CredentialValues credential) =>
        _tokens.TryGetValue(credential.Id, out var kept)
        && kept.Stamp == credential.Stamp
        && (kept.Token.ExpiresAt is null || kept.Token.ExpiresAt.Value > clock.GetUtcNow() + Margin)
            ? kept.Token
            : null;
}
