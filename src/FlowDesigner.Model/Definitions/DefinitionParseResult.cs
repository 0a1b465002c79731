using System.Diagnostics.CodeAnalysis;

namespace FlowDesigner.Model.Definitions;

/// <summary>The outcome of reading a workflow file: a definition, or the problems that kept it from being read.</summary>
public sealed record DefinitionParseResult
{
    public WorkflowDefinition? Definition { get; private init; }

    public IReadOnlyList<DefinitionProblem> Problems { get; private init; } = [];

    [MemberNotNullWhen(true, nameof(Definition))]
    public bool Succeeded => Definition is not null;

    public static DefinitionParseResult Success(WorkflowDefinition definition) => new() { Definition = definition };

    public static DefinitionParseResult Failure(IReadOnlyList<DefinitionProblem> problems) => new() { Problems = problems };

    public static DefinitionParseResult Failure(DefinitionProblem problem) => Failure([problem]);
}
