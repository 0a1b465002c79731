namespace FlowDesigner.Model.Events;

/// <summary>Which events the stream shows; every part is optional, and the parts given must all hold.</summary>
public sealed record EventFilter
{
    /// <summary>Events of this name (<c>salesforce.order.created</c>, <c>webhook</c>), exactly.</summary>
    public string? Type { get; init; }

    public EventSourceKind? Source { get; init; }

    /// <summary>Events received at or after this time (UTC).</summary>
    public DateTime? From { get; init; }

    /// <summary>Events received before this time (UTC).</summary>
    public DateTime? To { get; init; }

    /// <summary>An event's id, or a correlation id: the events of that chain.</summary>
    public Guid? Id { get; init; }
}
