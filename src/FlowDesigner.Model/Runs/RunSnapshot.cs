namespace FlowDesigner.Model.Runs;

/// <summary>A run with every attempt of every step, oldest first.</summary>
public sealed record RunSnapshot(RunRecord Run, IReadOnlyList<StepRecord> Steps);
