namespace FlowDesigner.Model.Runs;

/// <summary>A run's state; the run history stores it by number, so a value is never renumbered.</summary>
public enum RunStatus
{
    Pending = 0,
    Running = 1,
    Waiting = 2,
    Succeeded = 3,
    Failed = 4,
    Cancelled = 5,
}
