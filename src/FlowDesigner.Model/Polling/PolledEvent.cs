using System.Text.Json;

namespace FlowDesigner.Model.Polling;

/// <summary>One new thing a poll found; its key makes a second sighting start no second run.</summary>
/// <param name="DedupeKey">Stable for the same thing in the other system (<c>magento:default:1042</c>).</param>
public sealed record PolledEvent(string DedupeKey, string EventType, JsonElement Payload);
