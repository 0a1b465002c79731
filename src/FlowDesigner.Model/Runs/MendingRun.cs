namespace FlowDesigner.Model.Runs;

/// <summary>
/// A run that mends an ended one: a retry from its failed steps, or a replay from the start. It runs on the mended
/// run's event (not a copy of it), continues its chain, and starts with the steps it reuses already succeeded.
/// </summary>
/// <param name="Mends">The run retried or replayed.</param>
/// <param name="Cause"><see cref="RunCause.Retry"/> or <see cref="RunCause.Replay"/>.</param>
/// <param name="Reused">
/// Steps of the mended run, as read, whose results this run reuses: its trigger step first (a replay reuses only
/// that). Each is written as a reference to the step it copies, never as a copy of its output.
/// </param>
public sealed record MendingRun(RunRecord Mends, Guid VersionId, int VersionNumber, RunCause Cause, IReadOnlyList<StepRecord> Reused)
{
    /// <summary>The engine node that starts the run and holds it for its first advance.</summary>
    public Guid? Holder { get; init; }
}
