namespace FlowDesigner.Model.Runs;

/// <summary>A step attempt to record: pending (to run now), waiting (to run at <paramref name="ScheduledAt"/>) or skipped.</summary>
public sealed record NewStep(string NodeId, string Scope, int Attempt, StepStatus Status, DateTime? ScheduledAt = null);
