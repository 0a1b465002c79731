using FlowDesigner.Model.Runs;

namespace FlowDesigner.Persistence.Sql;

/// <summary>The rows of a run's start: its event (written with it unless <paramref name="EventStored"/>), the run, and its trigger step.</summary>
internal sealed record RunStartRows(Guid EventId, bool EventStored, Guid RunId, Guid CorrelationId, NewRun Run, StepRecord Trigger, DateTime Now);
