namespace FlowDesigner.Engine.Runtime;

/// <summary>What follows a failed attempt.</summary>
public enum FailureAction
{
    /// <summary>Another attempt, later.</summary>
    Retry,

    /// <summary>No attempt is left and the node's error port is linked: the run goes on along it.</summary>
    ErrorPort,

    /// <summary>No attempt is left and nothing handles the error: the run fails.</summary>
    FailRun,
}
