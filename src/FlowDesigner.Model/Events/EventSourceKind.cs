namespace FlowDesigner.Model.Events;

/// <summary>What brought an event in: what the event stream filters by.</summary>
public enum EventSourceKind
{
    Webhook,
    Schedule,
    Poll,

    /// <summary>A run's step: an emitted event, or a call of another workflow.</summary>
    Run,

    /// <summary>A person: Run now, or a test.</summary>
    Manual,
}
