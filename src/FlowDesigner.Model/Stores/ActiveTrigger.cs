namespace FlowDesigner.Model.Stores;

/// <summary>The trigger of a workflow's active version: what starts its runs.</summary>
public sealed record ActiveTrigger(Guid WorkflowId, Guid VersionId, string TriggerType, string? TriggerKey);
