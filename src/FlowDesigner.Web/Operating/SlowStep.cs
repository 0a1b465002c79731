using FlowDesigner.Model.Runs;

namespace FlowDesigner.Web.Operating;

/// <summary>A node among the slowest steps, named as its version's graph names it.</summary>
public sealed record SlowStep(StepTiming Timing, string NodeName, string? NodeType);
