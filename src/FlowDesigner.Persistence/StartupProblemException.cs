namespace FlowDesigner.Persistence;

/// <summary>FlowDesigner cannot start on this storage; the message says what is wrong and what to do.</summary>
public sealed class StartupProblemException(string message, Exception? innerException = null)
    : Exception(message, innerException);
