namespace FlowDesigner.Model.Runs;

/// <summary>What started a run; the run history stores it by number, so a value is never renumbered.</summary>
public enum RunCause
{
    Webhook = 0,
    Schedule = 1,
    Poll = 2,
    Event = 3,
    Manual = 4,
    Replay = 5,
    SubWorkflow = 6,
    Test = 7,
    Retry = 8,
}
