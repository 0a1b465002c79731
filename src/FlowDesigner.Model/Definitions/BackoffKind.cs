namespace FlowDesigner.Model.Definitions;

public enum BackoffKind
{
    /// <summary>The same wait before every retry.</summary>
    Fixed,

    /// <summary>The wait doubles after every attempt, with jitter.</summary>
    Exponential,
}
