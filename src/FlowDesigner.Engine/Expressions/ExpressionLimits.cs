namespace FlowDesigner.Engine.Expressions;

/// <summary>The sandbox's limits for one evaluation (an expression, or a code node's script).</summary>
public sealed class ExpressionLimits
{
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMilliseconds(250);

    public long MemoryBytes { get; init; } = 16 * 1024 * 1024;

    public int RecursionDepth { get; init; } = 64;
}
