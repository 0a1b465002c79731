namespace FlowDesigner.Model.Stores;

public static class WorkflowStates
{
    /// <param name="latestVersionNumber">The newest version's number, active or not; null when never published.</param>
    public static WorkflowState Of(int? activeVersionNumber, bool changedSinceActive, int? latestVersionNumber = null) => activeVersionNumber switch
    {
        null when latestVersionNumber is not null => WorkflowState.Inactive,
        null => WorkflowState.Draft,
        _ when changedSinceActive => WorkflowState.Changed,
        _ => WorkflowState.Published,
    };

    /// <summary>The words the workflow list shows: <c>Draft</c>, <c>Published v3</c>, <c>Changed since v3</c>, <c>Deactivated</c>.</summary>
    public static string Describe(WorkflowState state, int? activeVersionNumber) => state switch
    {
        WorkflowState.Published => $"Published v{activeVersionNumber}",
        WorkflowState.Changed => $"Changed since v{activeVersionNumber}",
        WorkflowState.Inactive => "Deactivated",
        _ => "Draft",
    };
}
