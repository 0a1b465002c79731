namespace FlowDesigner.Model.Runs;

/// <summary>A step attempt's state; the run history stores it by number, so a value is never renumbered.</summary>
public enum StepStatus
{
    Pending = 0,
    Running = 1,

    /// <summary>Waiting for a delay or for the back-off before its next attempt.</summary>
    Waiting = 2,
    Succeeded = 3,
    Failed = 4,

    /// <summary>On a path the run did not take (the other side of a condition).</summary>
    Skipped = 5,
    Cancelled = 6,
}
