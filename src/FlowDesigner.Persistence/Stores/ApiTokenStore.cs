using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Users;
using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

internal sealed class ApiTokenStore(IDbContextFactory<FlowDbContext> contextFactory, TimeProvider clock) : IApiTokenStore
{
    public async Task<ApiTokenRecord> CreateAsync(string userId, string name, string hash, DateTime? expiresAt, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new ApiTokenEntity { Id = TimeOrderedId.New(), UserId = userId, Name = name, Hash = hash, CreatedAt = now, ExpiresAt = expiresAt };
        db.ApiTokens.Add(token);
        var until = expiresAt is { } at ? $", valid until {at:yyyy-MM-dd HH:mm} UTC" : "";
        AuditLog.Add(db, "token", token.Id, actor, now, "token.created", $"Created API token '{name}'{ForWhom(userId, actor)}{until}");
        await db.SaveChangesAsync(cancellationToken);
        return ToRecord(token);
    }

    public async Task<ApiTokenRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        return token is null ? null : ToRecord(token);
    }

    public async Task<IReadOnlyList<ApiTokenRecord>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
        return [.. tokens.Select(ToRecord)];
    }

    public async Task TouchAsync(Guid id, DateTime at, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.ApiTokens.Where(t => t.Id == id).ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, at), cancellationToken);
    }

    public async Task<bool> RevokeAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        token.RevokedAt = now;
        AuditLog.Add(db, "token", token.Id, actor, now, "token.revoked", $"Revoked API token '{token.Name}'{ForWhom(token.UserId, actor)}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<int> RevokeAllAsync(string userId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var token in tokens)
        {
            token.RevokedAt = now;
            AuditLog.Add(db, "token", token.Id, actor, now, "token.revoked", $"Revoked API token '{token.Name}' of user {userId} with the user's access");
        }

        await db.SaveChangesAsync(cancellationToken);
        return tokens.Count;
    }

    // One's own token needs no owner named; another user's is named by id, which stays theirs.
    private static string ForWhom(string userId, Actor actor) => userId == actor.Id ? "" : $" of user {userId}";

    private static ApiTokenRecord ToRecord(ApiTokenEntity token) =>
        new(token.Id, token.UserId, token.Name, token.CreatedAt, token.ExpiresAt) { LastUsedAt = token.LastUsedAt, RevokedAt = token.RevokedAt };
}
