namespace FlowDesigner.Model.Stores;

/// <summary>What deleting a workflow takes with it, for the confirmation to say.</summary>
public sealed record WorkflowDeletionImpact(string Name, int Versions, int Runs, bool IsPublished);
