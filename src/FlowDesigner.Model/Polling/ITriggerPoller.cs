namespace FlowDesigner.Model.Polling;

/// <summary>
/// A trigger that asks another system what is new (a shop's orders) on an interval, rather than being called.
/// It reads from a cursor and returns the cursor to read from next time; the engine keeps the cursor in the database.
/// </summary>
public interface ITriggerPoller
{
    /// <summary>The trigger's node type key (<c>magento.new-order</c>).</summary>
    string NodeType { get; }

    /// <summary>How often to poll, in seconds, given the trigger node's settings.</summary>
    int IntervalSeconds(IReadOnlyDictionary<string, System.Text.Json.JsonElement> config);

    /// <exception cref="Execution.StepFailedException">The system refused or could not be reached; the cursor stays.</exception>
    Task<PollResult> PollAsync(PollContext context, CancellationToken cancellationToken);

    /// <summary>The newest thing the other system has, shaped as this trigger's payload, for a test run; null when it has none.</summary>
    /// <exception cref="Execution.StepFailedException">The system refused or could not be reached.</exception>
    Task<System.Text.Json.JsonElement?> LatestAsync(PollContext context, CancellationToken cancellationToken);
}
