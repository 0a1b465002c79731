namespace FlowDesigner.Testing;

/// <summary>One request the sink received, with when its handling started and ended.</summary>
public sealed record SinkRequest(string Method, string Path, string Body, string IdempotencyKey, DateTime StartedAt, DateTime FinishedAt);
