namespace FlowDesigner.Model.Runs;

public enum StepStatus
{
    Pending,
    Running,

    /// <summary>Waiting for a delay or for the back-off before its next attempt.</summary>
    Waiting,
    Succeeded,
    Failed,

    /// <summary>On a path the run did not take (the other side of a condition).</summary>
    Skipped,
    Cancelled,
}
