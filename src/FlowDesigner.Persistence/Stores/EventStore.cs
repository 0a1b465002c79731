using FlowDesigner.Model.Events;
using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Columns;
using FlowDesigner.Persistence.Entities;
using FlowDesigner.Persistence.Sql;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence.Stores;

/// <summary>The events: written by the run writer beside the runs, read by their id, name and causing run.</summary>
internal sealed class EventStore(IDbContextFactory<FlowDbContext> contextFactory, IRunWriter writer) : IEventStore
{
    public async Task<Guid> RecordAsync(NewEvent newEvent, DateTime now, CancellationToken cancellationToken)
    {
        var id = TimeOrderedId.New();
        await writer.RecordEventAsync(id, newEvent, now, cancellationToken);
        return id;
    }

    public async Task<EventRecord?> FindEventAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new EventRecord(e.Id, e.Type, e.Source, e.PayloadJson, e.CorrelationId, e.CausedByRunId, e.ReceivedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<EventPage> FindEventsAsync(EventFilter filter, Guid? after, int take, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var events = db.Events.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            // Any name but a webhook's is read by its (partial) index, which the planner uses when the query says it holds.
            var type = filter.Type.Trim();
            events = type == EventSources.WebhookType
                ? events.Where(e => e.Type == EventSources.WebhookType)
                : events.Where(e => e.Type == type && e.Type != EventSources.WebhookType);
        }

        events = filter.Source switch
        {
            EventSourceKind.Webhook => events.Where(e => e.Type == EventSources.WebhookType),
            EventSourceKind.Run => events.Where(e => e.CausedByRunId != null),
            EventSourceKind.Schedule => events.Where(e => e.Source.StartsWith(EventSources.SchedulePrefix)),
            EventSourceKind.Poll => events.Where(e => e.Source.StartsWith(EventSources.PollPrefix)),
            EventSourceKind.Manual => events.Where(e => e.Type != EventSources.WebhookType && e.CausedByRunId == null
                && !e.Source.StartsWith(EventSources.SchedulePrefix) && !e.Source.StartsWith(EventSources.PollPrefix)),
            _ => events,
        };

        if (filter.From is { } from)
        {
            var lowest = IdTimeRange.Lowest(from);
            events = events.Where(e => e.Id.CompareTo(lowest) >= 0 && e.ReceivedAt >= from);
        }

        if (filter.To is { } to)
        {
            var above = IdTimeRange.Above(to);
            events = events.Where(e => e.Id.CompareTo(above) < 0 && e.ReceivedAt < to);
        }

        if (filter.Id is { } id)
        {
            // The event itself, or the chain the id names: its first event by the key, the others by the chain index.
            events = events.Where(e => e.Id == id || (e.CorrelationId == id && e.CorrelationId != e.Id));
        }

        if (after is { } cursor)
        {
            events = events.Where(e => e.Id.CompareTo(cursor) < 0);
        }

        var page = await Preview(events.OrderByDescending(e => e.Id).Take(take + 1)).ToListAsync(cancellationToken);
        return page.Count > take ? new EventPage(page[..take], page[take - 1].Id) : new EventPage(page, null);
    }

    public async Task<IReadOnlyList<EventRun>> FindRunsOfEventsAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken)
    {
        if (eventIds.Count == 0)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = eventIds.Select(id => (Guid?)id).ToList();
        var runs = db.Runs.AsNoTracking().Where(r => ids.Contains(r.EventId));
        var found = await runs.Select(r => new { r.Id, EventId = r.EventId!.Value }).ToListAsync(cancellationToken);
        var records = (await RunStore.Project(runs).ToListAsync(cancellationToken)).ToDictionary(r => r.Id);
        return found.OrderBy(r => r.Id).Select(r => new EventRun(r.EventId, records[r.Id])).ToList();
    }

    public async Task<IReadOnlyList<EventRecord>> FindEventsOfRunsAsync(IReadOnlyCollection<Guid> runIds, CancellationToken cancellationToken)
    {
        if (runIds.Count == 0)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = runIds.Select(id => (Guid?)id).ToList();
        return await Preview(db.Events.AsNoTracking().Where(e => ids.Contains(e.CausedByRunId)).OrderBy(e => e.Id)).ToListAsync(cancellationToken);
    }

    public async Task<Guid?> FindEventOfRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().Where(r => r.Id == runId).Select(r => r.EventId).SingleOrDefaultAsync(cancellationToken);
    }

    private static IQueryable<EventRecord> Preview(IQueryable<EventEntity> events) => events.Select(e => new EventRecord(
        e.Id, e.Type, e.Source, e.PayloadJson.Substring(0, IEventStore.PreviewLength), e.CorrelationId, e.CausedByRunId, e.ReceivedAt));
}
