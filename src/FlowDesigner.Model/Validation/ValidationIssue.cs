namespace FlowDesigner.Model.Validation;

/// <summary>One problem of a workflow graph, tied to the node, edge or property it concerns.</summary>
/// <param name="Code">A stable identifier of the rule (<c>cycle</c>, <c>required-property</c>).</param>
/// <param name="Message">What is wrong and what to do, in words a business analyst understands.</param>
public sealed record ValidationIssue(string Code, string Message, IssueKind Kind)
{
    public string? NodeId { get; init; }

    /// <summary>The <see cref="Definitions.EdgeDefinition.Key"/> of the edge concerned.</summary>
    public string? EdgeKey { get; init; }

    public string? Property { get; init; }
}
