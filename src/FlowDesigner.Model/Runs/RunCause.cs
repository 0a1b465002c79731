namespace FlowDesigner.Model.Runs;

/// <summary>What started a run.</summary>
public enum RunCause
{
    Webhook,
    Schedule,
    Poll,
    Event,
    Manual,
    Replay,
    SubWorkflow,
    Test,
}
