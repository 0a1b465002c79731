namespace FlowDesigner.Model.Stores;

public enum WorkflowSort
{
    Name,
    UpdatedAt,
    LastRunAt,
}
