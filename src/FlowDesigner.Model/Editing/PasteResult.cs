using FlowDesigner.Model.Definitions;

namespace FlowDesigner.Model.Editing;

/// <summary>The workflow after a paste, the ids of what was added (to select them), and what was left out and why.</summary>
public sealed record PasteResult(WorkflowDefinition Definition, IReadOnlyList<string> AddedNodeIds, IReadOnlyList<string> LeftOut);
