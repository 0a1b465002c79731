using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>This process as an engine node: its id names it as the holder of the runs it advances (DESIGN.md section 5).</summary>
public sealed class EngineNode
{
    /// <summary>New at every start: a restarted process is another node, and takes over what the old one held once it is gone.</summary>
    public Guid Id { get; } = TimeOrderedId.New();

    /// <summary>The machine and process, for an operator reading the node table.</summary>
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
