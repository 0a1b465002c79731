namespace FlowDesigner.Model.Runs;

/// <summary>An advance was not written because another engine node holds the run: only the holder advances it.</summary>
public sealed class RunHeldElsewhereException(Guid runId) : Exception($"Run {runId} is held by another engine node.")
{
    public Guid RunId { get; } = runId;
}
