using FlowDesigner.Model.Definitions;

namespace FlowDesigner.Model.Stores;

/// <summary>A published, immutable version of a workflow.</summary>
public sealed record VersionRecord(
    Guid Id,
    Guid WorkflowId,
    int Number,
    WorkflowDefinition Definition,
    string? TriggerType,
    string? TriggerKey,
    DateTime PublishedAt,
    string PublishedBy,
    string? Note);
