using System.Diagnostics.CodeAnalysis;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Engine.Workflows;

/// <summary>The new active version, or every issue that kept the draft from being published.</summary>
public sealed record PublishResult(VersionRecord? Version, IReadOnlyList<ValidationIssue> Issues)
{
    /// <summary>What is worth a look though it did not stop publishing (see <see cref="PublishWarnings"/>).</summary>
    public IReadOnlyList<ValidationIssue> Warnings { get; init; } = [];

    [MemberNotNullWhen(true, nameof(Version))]
    public bool Published => Version is not null;
}
