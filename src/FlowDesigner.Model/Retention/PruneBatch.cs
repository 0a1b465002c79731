namespace FlowDesigner.Model.Retention;

/// <summary>What one batch of pruning deleted.</summary>
/// <param name="Kept">Runs of the batch kept after all: they were no longer ended (a retry's run started meanwhile cannot be one).</param>
public sealed record PruneBatch(int Runs, int Steps, int Events, int Kept);
