namespace FlowDesigner.Engine.Workflows;

/// <summary>What an event or a run caused, as a tree; <paramref name="Truncated"/> when it was cut at <see cref="CausalChains.MostNodes"/>.</summary>
public sealed record CausalChain(ChainNode Root, int Count, bool Truncated);
