namespace FlowDesigner.Model.Events;

/// <summary>One page of the event stream, newest first.</summary>
/// <param name="Next">The cursor of the next (older) page, passed as <c>after</c>; null on the last page.</param>
public sealed record EventPage(IReadOnlyList<EventRecord> Events, Guid? Next);
