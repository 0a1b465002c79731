namespace FlowDesigner.Model.Runs;

/// <summary>
/// That a run was written (started, advanced, ended), at a place in the feed of changes: <paramref name="Seq"/> only
/// grows, so a reader that remembers the last it read asks for what came after it, whichever node wrote it.
/// </summary>
public sealed record RunChange(long Seq, Guid RunId);
