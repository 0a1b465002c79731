namespace FlowDesigner.Model.Runs;

/// <summary>
/// Runs and their step attempts: the engine's source of truth. Hangfire only dispatches; every state change is
/// written here first, and conditional updates make each transition happen once even with several workers.
/// </summary>
public interface IRunStore
{
    /// <summary>Writes the event, the run and its succeeded trigger step in one transaction.</summary>
    Task<RunStart> StartRunAsync(NewRun run, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a run that mends an ended one (<see cref="MendingRun"/>), with its reused steps, in one transaction.
    /// </summary>
    Task<RunStart> StartMendingRunAsync(MendingRun run, DateTime now, CancellationToken cancellationToken);

    /// <summary>The run whose step caused this run's event (an emitted event, a sub-flow call); null when none did.</summary>
    Task<Guid?> FindCausingRunAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>The runs that retry or replay the run, oldest first.</summary>
    Task<IReadOnlyList<Guid>> FindMendingRunsAsync(Guid runId, CancellationToken cancellationToken);

    Task<RunSnapshot?> GetSnapshotAsync(Guid runId, CancellationToken cancellationToken);

    Task<RunRecord?> FindRunAsync(Guid runId, CancellationToken cancellationToken);

    Task<Guid?> FindRunOfStepAsync(long stepId, CancellationToken cancellationToken);

    Task<StepRecord?> FindStepAsync(long stepId, CancellationToken cancellationToken);

    /// <summary>Adds step attempts; one that already exists (same node, scope and attempt) is left as it is.</summary>
    /// <returns>The attempts added now.</returns>
    Task<IReadOnlyList<StepRecord>> AddStepsAsync(Guid runId, IReadOnlyList<NewStep> steps, DateTime now, CancellationToken cancellationToken);

    /// <summary>Moves a pending, or a waiting and due, attempt to running; null when another worker has it or it is done.</summary>
    Task<StepRecord?> ClaimStepAsync(long stepId, DateTime now, CancellationToken cancellationToken);

    /// <summary>Records how a running (or waiting) attempt ended; false when it had already ended (cancelled meanwhile).</summary>
    Task<bool> FinishStepAsync(long stepId, StepOutcome outcome, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Writes one advance of a run in one transaction, marking the run running. Null, with nothing written, when the
    /// run has ended or another worker recorded some of the same steps or loops first: read the run again and re-plan.
    /// The new steps are given their ids as they are written (the caller's ids only tell them apart until then) and
    /// come back with them.
    /// </summary>
    /// <exception cref="RunHeldElsewhereException">Another engine node holds the run; nothing was written.</exception>
    Task<IReadOnlyList<StepRecord>?> CommitAsync(Guid runId, RunChanges changes, DateTime now, CancellationToken cancellationToken);

    Task SetStepJobAsync(long stepId, string jobId, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a run once, cancelling its unfinished steps; later calls for a run already ended change nothing and return false.
    /// </summary>
    Task<bool> FinishRunAsync(Guid runId, RunStatus status, string? outputJson, string? error, DateTime now, CancellationToken cancellationToken);

    /// <summary>Puts a running attempt whose worker is gone back to pending, to be dispatched again.</summary>
    Task<bool> RequeueStepAsync(long stepId, CancellationToken cancellationToken);

    /// <summary>Steps not finished, of runs not finished: what recovery re-dispatches when their job is gone.</summary>
    Task<IReadOnlyList<UnfinishedStep>> FindUnfinishedStepsAsync(CancellationToken cancellationToken);

    /// <summary>Records that the engine node is alive at <paramref name="now"/> (its heartbeat), adding its row the first time.</summary>
    Task BeatAsync(Guid nodeId, string nodeName, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Takes over, for <paramref name="nodeId"/>, the unfinished runs whose holder has not beaten since
    /// <paramref name="liveSince"/> (it crashed or hangs), and those nobody holds that have no unfinished step (nothing
    /// else would advance them). Runs of a live holder are never taken. Forgets the nodes whose runs were all taken.
    /// </summary>
    /// <returns>The runs taken, for the caller to advance.</returns>
    Task<IReadOnlyList<Guid>> TakeOverRunsAsync(Guid nodeId, DateTime liveSince, CancellationToken cancellationToken);

    /// <summary>Lets go of runs the node holds (it stopped advancing them), so that any node may write their next advance.</summary>
    Task ReleaseRunsAsync(Guid nodeId, IReadOnlyCollection<Guid> runIds, CancellationToken cancellationToken);

    /// <summary>The node stops: it lets go of every run it holds and its heartbeat row goes.</summary>
    Task LeaveAsync(Guid nodeId, CancellationToken cancellationToken);

    /// <summary>The runs with these ids that exist, in no particular order.</summary>
    Task<IReadOnlyList<RunRecord>> FindRunsAsync(IReadOnlyCollection<Guid> runIds, CancellationToken cancellationToken);

    /// <summary>Where the feed of run changes stands: the last change written, 0 when there is none.</summary>
    Task<long> LatestChangeAsync(CancellationToken cancellationToken);

    /// <summary>The changes written after <paramref name="after"/>, oldest first, <paramref name="take"/> at most.</summary>
    Task<IReadOnlyList<RunChange>> ReadChangesAsync(long after, int take, CancellationToken cancellationToken);

    /// <summary>Forgets all but the latest <paramref name="keep"/> changes: the feed is for pages open now, not history.</summary>
    Task PruneChangesAsync(int keep, CancellationToken cancellationToken);

    Task<IReadOnlyList<RunRecord>> ListRunsAsync(Guid workflowId, int skip, int take, CancellationToken cancellationToken);

    /// <summary>
    /// The runs the filter selects, newest first, <paramref name="take"/> at most, older than the run
    /// <paramref name="after"/> when given: paged by the time-ordered id, so a page deep in the list costs what the first does.
    /// </summary>
    Task<RunPage> FindRunsAsync(RunFilter filter, Guid? after, int take, CancellationToken cancellationToken);
}
