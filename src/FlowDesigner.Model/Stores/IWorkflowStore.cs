using FlowDesigner.Model.Users;

namespace FlowDesigner.Model.Stores;

/// <summary>
/// Where workflows and their drafts are kept. Every change is written together with its audit entry, and a save
/// names the revision it was based on so that a concurrent edit is refused rather than overwritten.
/// </summary>
public interface IWorkflowStore
{
    Task<PagedResult<WorkflowSummary>> ListAsync(WorkflowQuery query, CancellationToken cancellationToken);

    Task<WorkflowRecord?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <param name="auditAction">How the workflow came to be: <c>created</c>, <c>imported</c>, <c>duplicated</c>.</param>
    Task<WorkflowRecord> CreateAsync(WorkflowDraft draft, Actor actor, string auditAction, CancellationToken cancellationToken);

    /// <summary>Replaces the draft, provided nobody saved it since <paramref name="expectedRevision"/>.</summary>
    /// <exception cref="WorkflowConflictException">Someone else saved it in between.</exception>
    /// <exception cref="WorkflowNotFoundException">It was deleted.</exception>
    Task<WorkflowRecord> SaveDraftAsync(
        Guid id, WorkflowDraft draft, string expectedRevision, Actor actor, string auditAction, CancellationToken cancellationToken);

    /// <summary>What deleting the workflow would remove, or null when it does not exist.</summary>
    Task<WorkflowDeletionImpact?> GetDeletionImpactAsync(Guid id, CancellationToken cancellationToken);

    /// <exception cref="WorkflowNotFoundException">It was already deleted.</exception>
    Task DeleteAsync(Guid id, Actor actor, CancellationToken cancellationToken);

    /// <summary>Pins the trigger payload of the workflow's test runs; it does not change the draft or its revision.</summary>
    Task SetSamplePayloadAsync(Guid id, string payloadJson, CancellationToken cancellationToken);
}
