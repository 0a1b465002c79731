namespace FlowDesigner.Model.Runs;

/// <summary>The run that was started, or the earlier run with the same dedupe key.</summary>
public sealed record RunStart(Guid RunId, bool IsDuplicate)
{
    /// <summary>The new run as it was written (its trigger step only), so its first advance need not read it back.</summary>
    public RunSnapshot? Snapshot { get; init; }
}
