namespace FlowDesigner.Testing;

/// <summary>One step row as the product wrote it before the compact history: times as text, enums by name.</summary>
public sealed record LegacyStep(
    string NodeId,
    string Scope,
    int Attempt,
    string Status,
    string? InputJson,
    string? OutputJson,
    string? Port,
    string? Error,
    string? ScheduledAt,
    string? StartedAt,
    string? FinishedAt);
