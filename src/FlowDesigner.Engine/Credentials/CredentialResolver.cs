using System.Collections.Concurrent;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Engine.Credentials;

/// <summary>
/// Finds and decrypts the credential a step signs in with. Decrypted values are kept in memory for a few seconds,
/// so that a burst of steps reads the store once; an edit on another node is seen within that time.
/// </summary>
public sealed class CredentialResolver(ICredentialStore store, CredentialProtector protector, NodeCatalog catalog, TimeProvider clock)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, (CredentialValues Values, DateTimeOffset Until)> _cache = new();

    /// <exception cref="StepFailedException">The step cannot sign in: no credential chosen, deleted, of the wrong type, or unreadable.</exception>
    public async Task<CredentialValues?> ResolveAsync(string? credentialId, NodeTypeDescriptor type, string nodeName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(credentialId))
        {
            return type.CredentialRequired
                ? throw new StepFailedException($"'{nodeName}' needs a credential to sign in with. Choose one in its settings and publish again.", retryable: false)
                : null;
        }

        if (!Guid.TryParse(credentialId, out var id))
        {
            throw new StepFailedException($"'{nodeName}' names a credential '{credentialId}' that does not exist. Choose one in its settings.", retryable: false);
        }

        var values = await FindAsync(id, nodeName, cancellationToken);
        if (!type.CredentialTypes.Contains(values.Type))
        {
            var expected = string.Join(" or ", type.CredentialTypes.Select(t => catalog.FindCredentialType(t)?.DisplayName ?? t));
            throw new StepFailedException($"'{nodeName}' signs in with '{values.Name}', which is not a {expected} credential. Choose another in its settings.", retryable: false);
        }

        return values;
    }

    /// <summary>The credential's values if this process read them lately, for redacting what a failure says.</summary>
    public CredentialValues? TryGetCached(string? credentialId) =>
        Guid.TryParse(credentialId, out var id) && _cache.TryGetValue(id, out var cached) ? cached.Values : null;

    /// <summary>Forgets a credential at once in this process (it was saved or deleted here).</summary>
    public void Forget(Guid id) => _cache.TryRemove(id, out _);

    private async Task<CredentialValues> FindAsync(Guid id, string nodeName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(id, out var cached) && cached.Until > now)
        {
            return cached.Values;
        }

        var record = await store.FindAsync(id, cancellationToken)
            ?? throw new StepFailedException($"'{nodeName}' signs in with a credential that was deleted. Choose another in its settings.", retryable: false);
        Dictionary<string, string> fields;
        try
        {
            fields = protector.Unprotect(record);
        }
        catch (CredentialUnreadableException exception)
        {
            throw new StepFailedException($"'{nodeName}': {exception.Message}", retryable: false, innerException: exception);
        }

        var secretNames = catalog.FindCredentialType(record.Type)?.SecretFields.Select(f => f.Name).ToList() ?? [.. fields.Keys];
        var values = new CredentialValues(record.Id, record.Type, record.Name, fields, secretNames, record.UpdatedAt);
        _cache[id] = (values, now + CacheLifetime);
        return values;
    }
}
