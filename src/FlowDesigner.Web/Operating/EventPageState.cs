using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Events;

namespace FlowDesigner.Web.Operating;

/// <summary>
/// An event's page: the event with its payload, and the causal chain it belongs to, read from the chain's first
/// event (its correlation id names it) so that the page shows what led to the event as well as what it caused.
/// </summary>
public sealed class EventPageState(IEventStore events, CausalChains chains)
{
    public bool Loaded { get; private set; }

    public EventRecord? Event { get; private set; }

    public CausalChain? Chain { get; private set; }

    /// <summary>True when the chain shown begins at an earlier event (this one continues it).</summary>
    public bool ContinuesAChain => Event is { } e && Chain?.Root.Id != e.Id;

    public async Task OpenAsync(Guid eventId, CancellationToken cancellationToken)
    {
        Event = await events.FindEventAsync(eventId, cancellationToken);
        if (Event is { } found)
        {
            Chain = (found.CorrelationId != found.Id ? await chains.OfEventAsync(found.CorrelationId, cancellationToken) : null)
                ?? await chains.OfEventAsync(found.Id, cancellationToken);
        }

        Loaded = true;
    }
}
