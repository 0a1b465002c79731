using FlowDesigner.Model.Definitions;

namespace FlowDesigner.Model.Stores;

/// <summary>A draft to store, with the trigger line the workflow list shows for it.</summary>
public sealed record WorkflowDraft(WorkflowDefinition Definition, string? TriggerType, string? TriggerSummary);
