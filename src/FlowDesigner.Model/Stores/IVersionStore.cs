using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Users;

namespace FlowDesigner.Model.Stores;

/// <summary>Published versions and which one is active; publishing never changes runs in flight.</summary>
public interface IVersionStore
{
    /// <summary>Stores the definition as the next numbered version and makes it active, with its audit entry.</summary>
    Task<VersionRecord> PublishAsync(
        Guid workflowId, WorkflowDefinition definition, string? triggerType, string? triggerKey, string? note, Actor actor,
        CancellationToken cancellationToken);

    /// <summary>Makes no version active: the trigger stops. Returns false when none was.</summary>
    Task<bool> DeactivateAsync(Guid workflowId, Actor actor, CancellationToken cancellationToken);

    Task<VersionRecord?> FindAsync(Guid versionId, CancellationToken cancellationToken);

    /// <summary>Every version of the workflow, newest first.</summary>
    Task<IReadOnlyList<VersionRecord>> ListAsync(Guid workflowId, CancellationToken cancellationToken);

    /// <summary>Makes an earlier (or the latest) version the active one again: a rollback. False when it was active already.</summary>
    Task<bool> ActivateAsync(Guid workflowId, Guid versionId, Actor actor, CancellationToken cancellationToken);

    Task<VersionRecord?> FindActiveAsync(Guid workflowId, CancellationToken cancellationToken);

    /// <summary>The active version of every published workflow.</summary>
    Task<IReadOnlyList<VersionRecord>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>Active versions whose trigger is of this type (and key, when given).</summary>
    Task<IReadOnlyList<ActiveTrigger>> FindActiveTriggersAsync(string triggerType, string? triggerKey, CancellationToken cancellationToken);
}
