using System.Diagnostics.CodeAnalysis;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Engine.Workflows;

/// <summary>The saved draft with what it still lacks, or the structure issues that kept it from being saved.</summary>
public sealed record DraftSaveResult(WorkflowRecord? Workflow, IReadOnlyList<ValidationIssue> Issues)
{
    [MemberNotNullWhen(true, nameof(Workflow))]
    public bool Saved => Workflow is not null;
}
