namespace FlowDesigner.Model.Events;

/// <summary>An event to store before the runs it starts: one row, whatever number of workflows subscribe to it.</summary>
/// <param name="Type">Its name (<c>salesforce.order.created</c>).</param>
/// <param name="Source">Where it came from, as the event stream shows it (see <see cref="EventSources"/>).</param>
/// <param name="CorrelationId">The chain it continues.</param>
/// <param name="CausedByRunId">The run whose step emitted it.</param>
public sealed record NewEvent(string Type, string Source, string PayloadJson, Guid CorrelationId, Guid? CausedByRunId);
