namespace FlowDesigner.Persistence.Entities;

/// <summary>
/// How many of a workflow's runs ended each way in one minute: what the lists and the dashboard count from, instead of
/// counting runs. Kept by the database's triggers on the runs as they are written (see
/// <see cref="Configuration.RunTriggers"/>), in the same transaction.
/// </summary>
public sealed class RunRollupEntity
{
    public Guid WorkflowId { get; set; }

    /// <summary>Whole minutes since 0001-01-01 UTC (a time's ticks over <see cref="TimeSpan.TicksPerMinute"/>).</summary>
    public long Minute { get; set; }

    /// <summary>Runs that succeeded in the minute.</summary>
    public int Succeeded { get; set; }

    public int Failed { get; set; }

    public int Cancelled { get; set; }
}
