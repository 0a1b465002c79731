namespace FlowDesigner.Model.Stores;

public static class WorkflowStates
{
    public static WorkflowState Of(int? activeVersionNumber, bool changedSinceActive) => activeVersionNumber switch
    {
        null => WorkflowState.Draft,
        _ when changedSinceActive => WorkflowState.Changed,
        _ => WorkflowState.Published,
    };

    /// <summary>The words the workflow list shows: <c>Draft</c>, <c>Published v3</c>, <c>Changed since v3</c>.</summary>
    public static string Describe(WorkflowState state, int? activeVersionNumber) => state switch
    {
        WorkflowState.Published => $"Published v{activeVersionNumber}",
        WorkflowState.Changed => $"Changed since v{activeVersionNumber}",
        _ => "Draft",
    };
}
