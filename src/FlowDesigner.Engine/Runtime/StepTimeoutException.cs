namespace FlowDesigner.Engine.Runtime;

/// <summary>A step ran past its timeout and was cancelled.</summary>
public sealed class StepTimeoutException(string message) : Exception(message);
