namespace FlowDesigner.Engine.Workflows;

/// <summary>Which version a replay runs: the one the replayed run ran, or the workflow's active one (its newest when none is active).</summary>
public enum ReplayVersion
{
    Same,
    Latest,
}
