namespace FlowDesigner.Engine.Workflows;

/// <summary>How far a bulk retry has come: the failed runs looked at, those retried, and those passed over because a run retried them before.</summary>
public sealed record BulkRetryProgress(int Seen, int Retried, int AlreadyRetried);
