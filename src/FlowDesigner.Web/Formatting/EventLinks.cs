namespace FlowDesigner.Web.Formatting;

/// <summary>Addresses of an event's page (its payload and causal chain) and of a run's chain.</summary>
public static class EventLinks
{
    public static string Of(Guid eventId) => $"events/{eventId}";

    /// <summary>The chain a run belongs to, from its first event: a chain is named by the id of the event that began it.</summary>
    public static string ChainOf(Guid correlationId, Guid runId) => $"events/{correlationId}#chain-{runId}";
}
