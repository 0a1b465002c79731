namespace FlowDesigner.Model.Stores;

/// <summary>A page of the workflow list: an optional name filter, a sort and a window.</summary>
public sealed record WorkflowQuery(string? Search = null, int Skip = 0, int Take = 25)
{
    public WorkflowSort Sort { get; init; } = WorkflowSort.UpdatedAt;

    public bool Descending { get; init; } = true;
}
