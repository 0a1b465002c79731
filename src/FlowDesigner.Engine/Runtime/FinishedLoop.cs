using System.Text.Json;

namespace FlowDesigner.Engine.Runtime;

/// <summary>A for-each whose every item is done: its step goes on from <c>done</c> with the items' results.</summary>
public sealed record FinishedLoop(long StepId, JsonElement Results);
