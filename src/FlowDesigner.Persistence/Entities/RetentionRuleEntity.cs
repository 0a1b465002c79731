namespace FlowDesigner.Persistence.Entities;

/// <summary>How long a workflow's run history is kept; the row of <see cref="Guid.Empty"/> is the rule of every workflow without one.</summary>
public sealed class RetentionRuleEntity
{
    public Guid WorkflowId { get; set; }

    /// <summary>Ended runs older than this many days are pruned; null: kept whatever their age.</summary>
    public int? MaxAgeDays { get; set; }

    /// <summary>Ended runs beyond this many newest runs of the workflow are pruned; null: kept whatever their number.</summary>
    public int? MaxRuns { get; set; }
}
