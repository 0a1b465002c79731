namespace FlowDesigner.Engine.Webhooks;

/// <summary>What the gate decided about a webhook call: refused, or let in with what the run needs to know.</summary>
public sealed record WebhookAdmission
{
    public static WebhookAdmission Open { get; } = new();

    /// <summary>Set when the call is turned away.</summary>
    public WebhookRefusal? Refusal { get; init; }

    /// <summary>The sender's id of this delivery (Standard Webhooks' <c>webhook-id</c>): a repeat starts no run.</summary>
    public string? DeliveryId { get; init; }

    /// <summary>
    /// The header the gate checked, kept out of the run's trigger output: a key is a secret, and a signature, once
    /// checked, tells a workflow nothing but costs room in every run's history.
    /// </summary>
    public string? CheckedHeader { get; init; }
}
