namespace FlowDesigner.Model.Runs;

/// <summary>
/// What one advance of a run writes in one transaction: new step rows (already finished, skipped, or pending to be
/// dispatched), for-each loops that are done, and the run's end.
/// </summary>
public sealed record RunChanges(IReadOnlyList<StepRecord> NewSteps, IReadOnlyList<LoopResults> FinishedLoops, RunEnd? End)
{
    /// <summary>A running step whose success is written with this advance (only while it is still running).</summary>
    public StepRecord? Completed { get; init; }

    /// <summary>Renews the writer's hold on the run (see <see cref="NewRun.LeaseUntil"/>).</summary>
    public DateTime? LeaseUntil { get; init; }

    public bool IsEmpty => NewSteps.Count == 0 && FinishedLoops.Count == 0 && End is null && Completed is null;
}
