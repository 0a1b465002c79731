using System.Text.Json;

namespace FlowDesigner.Model.Polling;

/// <summary>What a poll found, oldest first, and the cursor to read from next time.</summary>
public sealed record PollResult(IReadOnlyList<PolledEvent> Events, JsonElement Cursor);
