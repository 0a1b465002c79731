namespace FlowDesigner.Model.Runs;

/// <summary>How many runs ended each way: in a minute, an hour, or of one workflow, as the dashboard groups them.</summary>
/// <param name="Key">The minute or hour (its start, UTC) or nothing, by how the counts were grouped.</param>
/// <param name="WorkflowId">The workflow, when grouped by workflow.</param>
public sealed record EndCount(DateTime? Key, Guid? WorkflowId, int Succeeded, int Failed, int Cancelled)
{
    public int Total => Succeeded + Failed + Cancelled;
}
