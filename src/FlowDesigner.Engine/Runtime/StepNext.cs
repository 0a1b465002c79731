namespace FlowDesigner.Engine.Runtime;

/// <summary>What follows an attempt of a step; decided once, by <see cref="StepOutcomes"/>, wherever the step ran.</summary>
public enum StepNext
{
    /// <summary>It succeeded: the run goes on from its port.</summary>
    GoOn,

    /// <summary>It holds its output until a time (a delay), then goes on.</summary>
    WaitForTime,

    /// <summary>It waits until the engine wakes it: the run it called has ended.</summary>
    WaitForRun,

    /// <summary>It failed and another attempt follows at the verdict's retry time.</summary>
    Retry,

    /// <summary>It failed for good and the run goes on from its error port.</summary>
    ErrorPort,

    /// <summary>It failed for good, and so does the run.</summary>
    FailRun,
}
