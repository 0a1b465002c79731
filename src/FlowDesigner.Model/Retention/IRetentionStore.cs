using FlowDesigner.Model.Users;

namespace FlowDesigner.Model.Retention;

/// <summary>The retention rules, the pruning of history by them, and the giving back of the space it freed.</summary>
public interface IRetentionStore
{
    Task<RetentionSettings> GetSettingsAsync(CancellationToken cancellationToken);

    /// <summary>Sets the rule of one workflow, or the global rule when <paramref name="workflowId"/> is null, with an audit entry.</summary>
    Task SaveRuleAsync(Guid? workflowId, RetentionRule rule, Actor actor, CancellationToken cancellationToken);

    /// <summary>The workflow follows the global rule again.</summary>
    Task RemoveRuleAsync(Guid workflowId, Actor actor, CancellationToken cancellationToken);

    /// <summary>The workflows that have runs: those pruning looks at.</summary>
    Task<IReadOnlyList<Guid>> FindWorkflowsWithRunsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="take"/> ended runs of the workflow that the rule no longer keeps, oldest first. Runs in
    /// flight are never among them.
    /// </summary>
    Task<IReadOnlyList<Guid>> FindPrunableRunsAsync(Guid workflowId, RetentionRule rule, DateTime now, int take, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the runs with their steps, and their events no run still refers to, in one short transaction. A run
    /// that mends one of them keeps what it reused: its reused steps are given their own copies first.
    /// </summary>
    Task<PruneBatch> PruneAsync(IReadOnlyList<Guid> runIds, CancellationToken cancellationToken);

    /// <summary>Gives back up to <paramref name="pages"/> free pages to the file system; returns how many were given back.</summary>
    Task<long> ReclaimAsync(int pages, CancellationToken cancellationToken);

    /// <summary>Writes the log into the file and empties it, so that the file's size on disk is what it holds.</summary>
    Task CheckpointAsync(CancellationToken cancellationToken);

    Task<StorageReport> GetStorageAsync(CancellationToken cancellationToken);
}
