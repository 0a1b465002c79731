using FlowDesigner.Model.Users;
using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

internal sealed class AuditLogReader(IDbContextFactory<FlowDbContext> contextFactory) : IAuditLogReader
{
    private static readonly string[] SignInActions = ["user.sign-in-failed", "user.locked-out"];

    public async Task<AuditPage> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = Narrow(db.AuditEntries.AsNoTracking(), query);
        var take = Math.Clamp(query.Take, 1, 500);
        var page = await entries.OrderByDescending(e => e.Id).Take(take + 1).ToListAsync(cancellationToken);
        return new AuditPage(
            [.. page.Take(take).Select(e => new AuditEntryRecord(e.Id, e.At, e.ActorId, e.Actor, e.Action, e.EntityType, e.EntityId, e.Summary))],
            page.Count > take);
    }

    private static IQueryable<AuditEntryEntity> Narrow(IQueryable<AuditEntryEntity> entries, AuditQuery query)
    {
        if (query.BeforeId is { } before)
        {
            entries = entries.Where(e => e.Id < before);
        }

        if (query.ActorId is { Length: > 0 } actor)
        {
            entries = entries.Where(e => e.ActorId == actor);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        return query.Kind switch
        {
            AuditKind.SignIn => entries.Where(e => SignInActions.Contains(e.Action)),
            AuditKind.User => entries.Where(e => e.Action.StartsWith("user.") && !SignInActions.Contains(e.Action)),
            { } kind => entries.Where(e => e.Action.StartsWith(kind.ToString().ToLowerInvariant() + ".")),
            null => entries,
        };
    }
}
