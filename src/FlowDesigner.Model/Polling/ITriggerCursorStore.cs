namespace FlowDesigner.Model.Polling;

/// <summary>Where each polling trigger's cursor and last outcome are kept, per workflow.</summary>
public interface ITriggerCursorStore
{
    /// <summary>The cursor of the workflow's trigger of this type, as JSON; null when it never polled.</summary>
    Task<string?> FindAsync(Guid workflowId, string triggerType, CancellationToken cancellationToken);

    /// <summary>Records a poll: the new cursor when it succeeded (null keeps the old), and the error when it failed.</summary>
    Task SaveAsync(Guid workflowId, string triggerType, string? cursorJson, string? error, DateTime at, CancellationToken cancellationToken);
}
