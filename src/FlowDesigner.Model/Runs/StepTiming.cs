namespace FlowDesigner.Model.Runs;

/// <summary>How long a node's steps took among the latest steps: what the dashboard's slowest steps lists.</summary>
public sealed record StepTiming(Guid WorkflowId, Guid? VersionId, string NodeId, int Steps, TimeSpan Average, TimeSpan Longest);
