namespace FlowDesigner.Persistence.Columns;

/// <summary>
/// What a step row's output column may hold instead of the output itself, when the output is stored elsewhere:
/// text that no JSON begins with, so it cannot be mistaken for an output.
/// </summary>
internal static class StoredOutput
{
    /// <summary>A trigger step's output is its run's event payload, which the event's row holds.</summary>
    public const string EventPayload = "=event";
}
