namespace FlowDesigner.Model.Runs;

/// <summary>The run that was started, or the earlier run with the same dedupe key.</summary>
public sealed record RunStart(Guid RunId, bool IsDuplicate);
