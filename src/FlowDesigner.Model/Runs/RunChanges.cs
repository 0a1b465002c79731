namespace FlowDesigner.Model.Runs;

/// <summary>
/// What one advance of a run writes in one transaction: new step rows (already finished, skipped, or pending to be
/// dispatched), for-each loops that are done, and the run's end.
/// </summary>
public sealed record RunChanges(IReadOnlyList<StepRecord> NewSteps, IReadOnlyList<LoopResults> FinishedLoops, RunEnd? End)
{
    /// <summary>A running step whose success is written with this advance (only while it is still running).</summary>
    public StepRecord? Completed { get; init; }

    /// <summary>
    /// The engine node writing the advance. It must hold the run, or find it held by nobody and take it; when the run
    /// is held by another node nothing is written and <see cref="RunHeldElsewhereException"/> is thrown.
    /// </summary>
    public Guid? Holder { get; init; }

    /// <summary>
    /// The run's steps as the advance read them. An output written now that repeats one of theirs (or one written in
    /// the same advance) may be stored as a reference to it, and is read back whole.
    /// </summary>
    public IReadOnlyList<StepRecord> Earlier { get; init; } = [];

    /// <summary>When the advance began, before its steps ran: the run's start when this is its first advance. Default: when it is written.</summary>
    public DateTime? Began { get; init; }

    /// <summary>The writer lets go of the run with this advance: it has nothing more to do for it now.</summary>
    public bool LetGo { get; init; }

    public bool IsEmpty => NewSteps.Count == 0 && FinishedLoops.Count == 0 && End is null && Completed is null;
}
