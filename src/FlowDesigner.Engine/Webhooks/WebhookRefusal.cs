namespace FlowDesigner.Engine.Webhooks;

/// <summary>Why a webhook call was turned away before anything was written, as its problem-details answer.</summary>
/// <param name="RetryAfterSeconds">For 429: when the caller may try again.</param>
public sealed record WebhookRefusal(int StatusCode, string Title, string Detail, int? RetryAfterSeconds = null);
