using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Validation;
using FlowDesigner.Model.Users;

namespace FlowDesigner.Web.Designing;

/// <summary>The designer's versions panel and publishing: the versions listed, which is active, and what refused the last publish.</summary>
public sealed class DesignerVersions(PublishService publisher)
{
    public IReadOnlyList<VersionRecord> All { get; private set; } = [];

    public Guid? ActiveId { get; private set; }

    /// <summary>Whether the panel is shown instead of the node's settings.</summary>
    public bool Open { get; private set; }

    /// <summary>What refused the last publish; cleared by the next edit.</summary>
    public IReadOnlyList<ValidationIssue> PublishIssues { get; set; } = [];

    public async Task ToggleAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        Open = !Open;
        if (Open)
        {
            await LoadAsync(workflowId, cancellationToken);
        }
    }

    public async Task LoadAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        All = await publisher.ListVersionsAsync(workflowId, cancellationToken);
        ActiveId = (await publisher.FindActiveAsync(workflowId, cancellationToken))?.Id;
    }

    /// <summary>Publishes the saved draft; a refusal keeps its problems for the problems bar.</summary>
    /// <exception cref="WorkflowNotFoundException">The workflow was deleted.</exception>
    public async Task<PublishResult> PublishAsync(Guid workflowId, string? note, Actor actor, CancellationToken cancellationToken)
    {
        var result = await publisher.PublishAsync(workflowId, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), actor, cancellationToken);
        PublishIssues = result.Published ? [] : result.Issues;
        await LoadAsync(workflowId, cancellationToken);
        return result;
    }

    /// <summary>What publishing the saved draft would warn about, to ask before going on.</summary>
    /// <exception cref="WorkflowNotFoundException">The workflow was deleted.</exception>
    public Task<IReadOnlyList<ValidationIssue>> WarningsAsync(Guid workflowId, CancellationToken cancellationToken) =>
        publisher.FindWarningsAsync(workflowId, cancellationToken);

    /// <summary>Makes an earlier version the one new events run.</summary>
    /// <exception cref="WorkflowNotFoundException">The workflow was deleted.</exception>
    public async Task<PublishResult> ActivateAsync(Guid workflowId, Guid versionId, Actor actor, CancellationToken cancellationToken)
    {
        var result = await publisher.ActivateAsync(workflowId, versionId, actor, cancellationToken);
        await LoadAsync(workflowId, cancellationToken);
        return result;
    }
}
