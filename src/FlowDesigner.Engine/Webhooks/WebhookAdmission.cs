namespace FlowDesigner.Engine.Webhooks;

/// <summary>What the gate decided about a webhook call: refused, or let in with what the run needs to know.</summary>
public sealed record WebhookAdmission
{
    public static WebhookAdmission Open { get; } = new();

    /// <summary>Set when the call is turned away.</summary>
    public WebhookRefusal? Refusal { get; init; }

    /// <summary>The sender's id of this delivery (Standard Webhooks' <c>webhook-id</c>): a repeat starts no run.</summary>
    public string? DeliveryId { get; init; }

    /// <summary>A header that carries the webhook's key, kept out of the run's trigger output.</summary>
    public string? SecretHeader { get; init; }
}
