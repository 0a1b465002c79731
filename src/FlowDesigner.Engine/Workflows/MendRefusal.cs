namespace FlowDesigner.Engine.Workflows;

/// <summary>Why a run was not retried or replayed.</summary>
public enum MendRefusal
{
    /// <summary>No run has the id.</summary>
    NotFound,

    /// <summary>The run is not in a state the action mends (a retry mends a failed run, a replay an ended one).</summary>
    WrongState,

    /// <summary>The version asked for is gone, or the workflow has none.</summary>
    NoVersion,
}
