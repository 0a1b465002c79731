using System.Text.Json;

namespace FlowDesigner.Engine.Triggers;

/// <summary>What a webhook call is answered with.</summary>
/// <param name="StatusCode">202 accepted, 200 with the run's output, 404 unknown hook, 500 run failed.</param>
public sealed record WebhookResponse(int StatusCode, JsonElement Body);
