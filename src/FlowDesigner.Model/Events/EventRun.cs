using FlowDesigner.Model.Runs;

namespace FlowDesigner.Model.Events;

/// <summary>A run an event started (or that mends one it started: it runs on the same event).</summary>
public sealed record EventRun(Guid EventId, RunRecord Run);
