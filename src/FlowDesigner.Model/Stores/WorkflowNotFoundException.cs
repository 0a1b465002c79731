namespace FlowDesigner.Model.Stores;

public sealed class WorkflowNotFoundException(Guid id)
    : Exception($"Workflow {id} does not exist; it may have been deleted.")
{
    public Guid WorkflowId { get; } = id;
}
