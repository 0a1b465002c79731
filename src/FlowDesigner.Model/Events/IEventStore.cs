namespace FlowDesigner.Model.Events;

/// <summary>
/// The events: what happened, stored once, and the links of their causal chains (the runs an event started, the
/// events a run emitted), each read by an index so that a chain costs a few lookups for each of its levels.
/// </summary>
public interface IEventStore
{
    /// <summary>How much of a payload a page of the stream carries.</summary>
    const int PreviewLength = 200;

    /// <summary>Stores an event that runs will refer to (<see cref="Runs.NewRun.EventId"/>) and that stays in the stream without any.</summary>
    Task<Guid> RecordAsync(NewEvent newEvent, DateTime now, CancellationToken cancellationToken);

    /// <summary>The event with its whole payload; null when there is none.</summary>
    Task<EventRecord?> FindEventAsync(Guid eventId, CancellationToken cancellationToken);

    /// <summary>
    /// The events the filter selects, newest first, <paramref name="take"/> at most, older than <paramref name="after"/>
    /// when given, each with the beginning of its payload: paged by the time-ordered id.
    /// </summary>
    Task<EventPage> FindEventsAsync(EventFilter filter, Guid? after, int take, CancellationToken cancellationToken);

    /// <summary>The runs these events started, oldest first.</summary>
    Task<IReadOnlyList<EventRun>> FindRunsOfEventsAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken);

    /// <summary>The events these runs emitted (or called other workflows with), oldest first, with their payloads' beginnings.</summary>
    Task<IReadOnlyList<EventRecord>> FindEventsOfRunsAsync(IReadOnlyCollection<Guid> runIds, CancellationToken cancellationToken);

    /// <summary>The event a run started on; null when the run has none.</summary>
    Task<Guid?> FindEventOfRunAsync(Guid runId, CancellationToken cancellationToken);
}
