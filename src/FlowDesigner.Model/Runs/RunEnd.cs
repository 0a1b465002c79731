namespace FlowDesigner.Model.Runs;

/// <summary>How a run ended.</summary>
public sealed record RunEnd(RunStatus Status, string? OutputJson, string? Error);
