namespace FlowDesigner.Engine.Workflows;

/// <summary>What a bulk retry did: the new runs, and how many failed runs it passed over because a run retried them before.</summary>
public sealed record BulkRetryResult(IReadOnlyList<Guid> RunIds, int AlreadyRetried);
