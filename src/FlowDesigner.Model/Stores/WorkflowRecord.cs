using FlowDesigner.Model.Definitions;

namespace FlowDesigner.Model.Stores;

/// <summary>A stored workflow: its current draft and where it stands.</summary>
/// <param name="Revision">Changes on every save; a save names the revision it was based on.</param>
public sealed record WorkflowRecord(
    Guid Id,
    WorkflowDefinition Definition,
    string Revision,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string UpdatedBy,
    int? ActiveVersionNumber,
    bool ChangedSinceActive)
{
    public string Name => Definition.Name;

    public WorkflowState State => WorkflowStates.Of(ActiveVersionNumber, ChangedSinceActive);

    /// <summary>The trigger payload the designer's test runs start from, when one was pinned.</summary>
    public string? SamplePayloadJson { get; init; }
}
