using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using FlowDesigner.Model.Users;

namespace FlowDesigner.Persistence.Stores;

internal sealed class CredentialStore(IDbContextFactory<FlowDbContext> contextFactory, TimeProvider clock) : ICredentialStore
{
    public async Task<IReadOnlyList<CredentialRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var credentials = await db.Credentials.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return [.. credentials.Select(ToRecord)];
    }

    public async Task<CredentialRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var credential = await db.Credentials.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return credential is null ? null : ToRecord(credential);
    }

    public async Task<CredentialRecord> CreateAsync(string type, string name, string protectedData, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await EnsureNameFreeAsync(db, name, null, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var credential = new CredentialEntity
        {
            Id = TimeOrderedId.New(),
            Type = type,
            Name = name,
            ProtectedData = protectedData,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = actor.Name,
            UpdatedById = actor.Id,
        };
        db.Credentials.Add(credential);
        Audit(db, credential.Id, actor, now, "credential.created", $"Created credential '{name}' ({type})");
        await db.SaveChangesAsync(cancellationToken);
        return ToRecord(credential);
    }

    public async Task<CredentialRecord> UpdateAsync(
        Guid id, string name, string protectedData, DateTime expectedUpdatedAt, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var credential = await db.Credentials.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new CredentialConflictException("The credential was deleted meanwhile. Create it again.");
        if (credential.UpdatedAt != expectedUpdatedAt)
        {
            throw new CredentialConflictException(
                $"'{credential.Name}' was changed by {credential.UpdatedBy} at {credential.UpdatedAt:yyyy-MM-dd HH:mm:ss} UTC after you opened it. "
                + "Your change was not saved: open it again, then make yours.");
        }

        await EnsureNameFreeAsync(db, name, id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var renamed = credential.Name != name ? $" (was '{credential.Name}')" : "";
        credential.Name = name;
        credential.ProtectedData = protectedData;
        credential.UpdatedAt = now > credential.UpdatedAt ? now : credential.UpdatedAt.AddTicks(1);
        credential.UpdatedBy = actor.Name;
        credential.UpdatedById = actor.Id;
        credential.LastTestedAt = null;
        credential.LastTestSucceeded = null;
        credential.LastTestMessage = null;
        Audit(db, id, actor, now, "credential.updated", $"Updated credential '{name}'{renamed}");
        await db.SaveChangesAsync(cancellationToken);
        return ToRecord(credential);
    }

    public async Task<IReadOnlyList<string>> DeleteAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var users = await PublishedUsersAsync(db, id, cancellationToken);
        if (users.Count > 0)
        {
            return users;
        }

        var credential = await db.Credentials.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (credential is not null)
        {
            db.Credentials.Remove(credential);
            Audit(db, id, actor, clock.GetUtcNow().UtcDateTime, "credential.deleted", $"Deleted credential '{credential.Name}' ({credential.Type})");
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    public async Task<IReadOnlyList<string>> FindPublishedUsersAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await PublishedUsersAsync(db, id, cancellationToken);
    }

    public async Task RecordTestAsync(Guid id, CredentialTestOutcome outcome, DateTime at, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Credentials.Where(c => c.Id == id).ExecuteUpdateAsync(
            set => set
                .SetProperty(c => c.LastTestedAt, at)
                .SetProperty(c => c.LastTestSucceeded, outcome.Succeeded)
                .SetProperty(c => c.LastTestMessage, outcome.Message),
            cancellationToken);
    }

    /// <summary>Active versions that name the credential: the JSON text narrows them down, the parsed nodes decide.</summary>
    private static async Task<IReadOnlyList<string>> PublishedUsersAsync(FlowDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var text = id.ToString();
        var candidates = await db.Workflows.AsNoTracking()
            .Where(w => w.ActiveVersion != null && w.ActiveVersion.DefinitionJson.Contains(text))
            .Select(w => new { w.Name, w.ActiveVersion!.DefinitionJson })
            .ToListAsync(cancellationToken);
        return [.. candidates
            .Where(c => WorkflowDefinitionJson.Parse(c.DefinitionJson) is { Succeeded: true } parsed
                && parsed.Definition.Nodes.Any(n => string.Equals(n.Credential, text, StringComparison.OrdinalIgnoreCase)))
            .Select(c => c.Name)
            .Order(StringComparer.OrdinalIgnoreCase)];
    }

    private static async Task EnsureNameFreeAsync(FlowDbContext db, string name, Guid? except, CancellationToken cancellationToken)
    {
        var lowered = name.ToLower();
        if (await db.Credentials.AnyAsync(c => c.Name.ToLower() == lowered && c.Id != except, cancellationToken))
        {
            throw new CredentialConflictException($"A credential named '{name}' exists already. Choose another name.");
        }
    }

    private static void Audit(FlowDbContext db, Guid id, Actor actor, DateTime at, string action, string summary) =>
        AuditLog.Add(db, "credential", id, actor, at, action, summary);

    private static CredentialRecord ToRecord(CredentialEntity c) => new(c.Id, c.Type, c.Name, c.ProtectedData, c.CreatedAt, c.UpdatedAt, c.UpdatedBy)
    {
        LastTest = c.LastTestSucceeded is { } succeeded ? new CredentialTestOutcome(succeeded, c.LastTestMessage ?? "") : null,
        LastTestedAt = c.LastTestedAt,
    };
}
