namespace FlowDesigner.Model.Runs;

/// <summary>One page of a run list, newest first.</summary>
/// <param name="Next">The cursor of the next (older) page, passed as <c>after</c>; null on the last page.</param>
public sealed record RunPage(IReadOnlyList<RunRecord> Runs, Guid? Next);
