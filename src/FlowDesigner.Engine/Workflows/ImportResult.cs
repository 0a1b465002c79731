using System.Diagnostics.CodeAnalysis;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Engine.Workflows;

/// <summary>The imported workflow, or every reason the file was refused; a refused file changes nothing.</summary>
public sealed record ImportResult
{
    public WorkflowRecord? Workflow { get; private init; }

    /// <summary>Why the file was refused, each with its line, column or field where known.</summary>
    public IReadOnlyList<string> Problems { get; private init; } = [];

    /// <summary>What the imported draft still lacks before it can be published.</summary>
    public IReadOnlyList<ValidationIssue> Warnings { get; private init; } = [];

    [MemberNotNullWhen(true, nameof(Workflow))]
    public bool Succeeded => Workflow is not null;

    public static ImportResult Imported(WorkflowRecord workflow, IReadOnlyList<ValidationIssue> warnings) =>
        new() { Workflow = workflow, Warnings = warnings };

    public static ImportResult Refused(IReadOnlyList<string> problems) => new() { Problems = problems };
}
