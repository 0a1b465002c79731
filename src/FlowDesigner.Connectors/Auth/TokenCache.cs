using System.Collections.Concurrent;

namespace FlowDesigner.Connectors.Auth;

/// <summary>
/// Keeps OAuth access tokens in memory until shortly before they run out, one per credential revision, so that
/// steps do not ask the token endpoint each time. One fetch at a time per credential; the others wait for it.
/// </summary>
public sealed class TokenCache(TimeProvider clock)
{
    /// <summary>A token is renewed this long before its stated expiry, so that a request never carries a dying one.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, AccessToken> _tokens = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();

    /// <param name="fetch">Gets a new token; given the previous one (for its refresh token) when there was one.</param>
    public async Task<AccessToken> GetAsync(string key, Func<AccessToken?, CancellationToken, Task<AccessToken>> fetch, CancellationToken cancellationToken)
    {
        if (Fresh(key) is { } cached)
        {
            return cached;
        }

        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(key) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var token = await fetch(_tokens.GetValueOrDefault(key), cancellationToken);
            _tokens[key] = token;
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Drops the token the vendor refused (its session ended early), unless another fetch replaced it already.</summary>
    public void Invalidate(string key, AccessToken refused)
    {
        if (_tokens.TryGetValue(key, out var current) && current == refused)
        {
            _tokens[key] = current with { ExpiresAt = DateTimeOffset.MinValue };
        }
    }

    private AccessToken? Fresh(string key) =>
        _tokens.TryGetValue(key, out var token) && (token.ExpiresAt is null || token.ExpiresAt.Value > clock.GetUtcNow() + Margin) ? token : null;
}
