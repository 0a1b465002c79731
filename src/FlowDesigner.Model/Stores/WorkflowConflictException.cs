namespace FlowDesigner.Model.Stores;

/// <summary>A save was based on a revision that someone else has replaced since.</summary>
public sealed class WorkflowConflictException(string workflowName, string savedBy, DateTime savedAt)
    : Exception($"'{workflowName}' was changed by {savedBy} at {savedAt:yyyy-MM-dd HH:mm:ss} UTC after you opened it. "
        + "Your change was not saved: reload to see theirs, then make yours again.")
{
    public string SavedBy { get; } = savedBy;

    public DateTime SavedAt { get; } = savedAt;
}
