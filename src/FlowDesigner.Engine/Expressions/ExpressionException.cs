namespace FlowDesigner.Engine.Expressions;

/// <summary>An expression could not be evaluated; the message names the node, the property and the expression.</summary>
public sealed class ExpressionException(string message, Exception? innerException = null) : Exception(message, innerException);
