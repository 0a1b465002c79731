using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Users;

namespace FlowDesigner.Engine.Credentials;

/// <summary>
/// What the credentials page does: list, open, save, delete and test stored credentials. Secrets go in encrypted
/// and never come back out to a caller; the form sees which are set.
/// </summary>
public sealed class CredentialService(
    ICredentialStore store, CredentialProtector protector, CredentialResolver resolver, NodeCatalog catalog,
    IEnumerable<ICredentialTester> testers, IAuditTrail audit, TimeProvider clock)
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, ICredentialTester> _testers = testers.SelectMany(t => t.CredentialTypes.Select(type => (type, t))).ToDictionary(p => p.type, p => p.t, StringComparer.Ordinal);

    public async Task<IReadOnlyList<CredentialSummary>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken)).Select(Summarize)];

    /// <summary>The credentials a node of these types may sign in with, for the designer's picker.</summary>
    public async Task<IReadOnlyList<CredentialSummary>> ListOfTypesAsync(IReadOnlyCollection<string> types, CancellationToken cancellationToken) =>
        [.. (await ListAsync(cancellationToken)).Where(c => types.Contains(c.Type))];

    public async Task<CredentialForm?> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } record)
        {
            return null;
        }

        var type = catalog.FindCredentialType(record.Type);
        try
        {
            var fields = protector.Unprotect(record);
            var secrets = type?.SecretFields.Select(f => f.Name).ToHashSet() ?? [.. fields.Keys];
            var plain = fields.Where(f => !secrets.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value);
            var set = fields.Where(f => secrets.Contains(f.Key) && f.Value.Length > 0).Select(f => f.Key).ToHashSet();
            return new CredentialForm(record.Id, record.Type, record.Name, record.UpdatedAt, plain, set, null);
        }
        catch (CredentialUnreadableException exception)
        {
            return new CredentialForm(record.Id, record.Type, record.Name, record.UpdatedAt, new Dictionary<string, string>(), new HashSet<string>(), exception.Message);
        }
    }

    public async Task<CredentialSaveResult> SaveAsync(CredentialInput input, Actor actor, CancellationToken cancellationToken)
    {
        if (catalog.FindCredentialType(input.Type) is not { } type)
        {
            return CredentialSaveResult.Refused("", $"There is no credential type '{input.Type}'.");
        }

        var name = input.Name.Trim();
        if (name.Length == 0)
        {
            return CredentialSaveResult.Refused("name", "Give the credential a name, such as 'Salesforce production'.");
        }

        var existing = input.Id is { } id ? await store.FindAsync(id, cancellationToken) : null;
        if (input.Id is not null && existing is null)
        {
            return CredentialSaveResult.Refused("", "The credential was deleted meanwhile. Create it again.");
        }

        if (existing is not null && existing.Type != type.Key)
        {
            return CredentialSaveResult.Refused("", "A credential's type cannot change. Create a new credential instead.");
        }

        Dictionary<string, string> stored = [];
        var storedUnreadable = false;
        if (existing is not null)
        {
            try
            {
                stored = protector.Unprotect(existing);
            }
            catch (CredentialUnreadableException)
            {
                storedUnreadable = true;
            }
        }

        var fields = Merge(type, input.Fields, stored);
        var problems = Check(type, fields, storedUnreadable);
        if (problems.Count > 0)
        {
            return new CredentialSaveResult(null, problems);
        }

        try
        {
            var data = protector.Protect(fields);
            var saved = existing is null
                ? await store.CreateAsync(type.Key, name, data, actor, cancellationToken)
                : await store.UpdateAsync(existing.Id, name, data, input.ExpectedUpdatedAt ?? existing.UpdatedAt, actor, cancellationToken);
            resolver.Forget(saved.Id);
            return new CredentialSaveResult(Summarize(saved), new Dictionary<string, string>());
        }
        catch (CredentialConflictException exception)
        {
            return CredentialSaveResult.Refused(exception.Message.StartsWith("A credential named", StringComparison.Ordinal) ? "name" : "", exception.Message);
        }
    }

    /// <summary>Deletes the credential; refused, naming them, while published workflows sign in with it.</summary>
    public async Task<IReadOnlyList<string>> DeleteAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var users = await store.DeleteAsync(id, actor, cancellationToken);
        resolver.Forget(id);
        return users;
    }

    /// <summary>Signs in to the credential's system and records what it answered, and who asked.</summary>
    public async Task<CredentialTestOutcome> TestAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var outcome = await RunTestAsync(id, cancellationToken);
        await store.RecordTestAsync(id, outcome, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await audit.WriteAsync("credential", id.ToString(), actor, "credential.tested",
            outcome.Succeeded ? "Tested the credential: it signed in" : $"Tested the credential: {outcome.Message}", cancellationToken);
        return outcome;
    }

    private async Task<CredentialTestOutcome> RunTestAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } record)
        {
            return new CredentialTestOutcome(false, "The credential was deleted meanwhile.");
        }

        if (!_testers.TryGetValue(record.Type, out var tester))
        {
            return new CredentialTestOutcome(false, $"Credentials of type '{record.Type}' cannot be tested here.");
        }

        CredentialValues values;
        try
        {
            var fields = protector.Unprotect(record);
            var secrets = catalog.FindCredentialType(record.Type)?.SecretFields.Select(f => f.Name).ToList() ?? [.. fields.Keys];
            values = new CredentialValues(record.Id, record.Type, record.Name, fields, secrets, record.UpdatedAt);
        }
        catch (CredentialUnreadableException exception)
        {
            return new CredentialTestOutcome(false, exception.Message);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TestTimeout);
        try
        {
            var outcome = await tester.TestAsync(values, limit.Token);
            return outcome with { Message = SecretRedactor.Redact(outcome.Message, values.SecretValues) };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CredentialTestOutcome(false, $"No answer within {TestTimeout.TotalSeconds:0} s. Check the URL or host, and that this server can reach it.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new CredentialTestOutcome(false, SecretRedactor.Redact(exception.Message, values.SecretValues));
        }
    }

    /// <summary>
    /// The given values over the stored ones: a secret left empty, or any field left out, keeps its stored value; another
    /// field given empty takes its default; hidden fields are dropped.
    /// </summary>
    private static Dictionary<string, string> Merge(CredentialTypeDescriptor type, IReadOnlyDictionary<string, string> input, Dictionary<string, string> stored)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            var given = input.GetValueOrDefault(field.Name)?.Trim() ?? "";
            merged[field.Name] = given.Length > 0 ? given
                : (field.Secret || !input.ContainsKey(field.Name)) && stored.TryGetValue(field.Name, out var kept) ? kept
                : field.Default ?? "";
        }

        foreach (var field in type.Fields.Where(f => !type.IsVisible(f, merged)))
        {
            merged[field.Name] = "";
        }

        return merged;
    }

    private static Dictionary<string, string> Check(CredentialTypeDescriptor type, Dictionary<string, string> fields, bool storedUnreadable)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in type.Fields.Where(f => f.Required && type.IsVisible(f, fields) && fields[f.Name].Length == 0))
        {
            problems[field.Name] = storedUnreadable && field.Secret
                ? $"The stored value of '{field.Label}' cannot be decrypted any more. Enter it again."
                : $"'{field.Label}' is required.";
        }

        foreach (var field in type.Fields.Where(f => f.Check is not null && fields[f.Name].Length > 0))
        {
            if (field.Check!(fields[field.Name]) is { } problem)
            {
                problems[field.Name] = problem;
            }
        }

        foreach (var field in type.Fields.Where(f => f.Options.Count > 0 && fields[f.Name].Length > 0 && f.Options.All(o => o.Value != fields[f.Name])))
        {
            problems[field.Name] = $"'{fields[field.Name]}' is not a choice for '{field.Label}'.";
        }

        return problems;
    }

    private CredentialSummary Summarize(CredentialRecord record)
    {
        var type = catalog.FindCredentialType(record.Type);
        Dictionary<string, string>? fields;
        try
        {
            fields = protector.Unprotect(record);
        }
        catch (CredentialUnreadableException)
        {
            fields = null;
        }

        var missing = type is null || fields is null
            ? []
            : type.Fields.Where(f => f.Required && type.IsVisible(f, fields) && string.IsNullOrWhiteSpace(fields.GetValueOrDefault(f.Name))).Select(f => f.Label).ToList();
        return new CredentialSummary(
            record.Id, record.Name, record.Type, type?.DisplayName ?? record.Type, type?.Icon ?? "icons/credential.svg",
            record.UpdatedAt, record.UpdatedBy, record.LastTest, record.LastTestedAt, fields is not null) { Missing = missing };
    }
}
