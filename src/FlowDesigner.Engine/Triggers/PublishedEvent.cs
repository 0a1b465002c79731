namespace FlowDesigner.Engine.Triggers;

/// <summary>An event as published: its stored id, and the runs it started (none when nothing subscribes).</summary>
public sealed record PublishedEvent(Guid EventId, IReadOnlyList<Guid> StartedRuns);
