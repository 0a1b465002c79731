using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Workflows;

/// <summary>A run and every attempt of its steps, each named as the version the run is pinned to names its node.</summary>
public sealed record RunDetails(RunRecord Run, IReadOnlyList<StepDetail> Steps);
