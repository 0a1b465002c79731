namespace FlowDesigner.Model.Runs;

/// <summary>A for-each step whose items are all done, with the items' results.</summary>
public sealed record LoopResults(long StepId, string ResultsJson);
