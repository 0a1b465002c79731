namespace FlowDesigner.Model.Descriptors;

/// <summary>A named output port of a node; edges leave from it.</summary>
public sealed record PortDescriptor(string Name, string Label)
{
    public static PortDescriptor Out { get; } = new("out", "");

    public static PortDescriptor Error { get; } = new("error", "error");

    public static PortDescriptor True { get; } = new("true", "true");

    public static PortDescriptor False { get; } = new("false", "false");

    /// <summary>The port of a loop whose branch runs once per item.</summary>
    public static PortDescriptor Each { get; } = new("each", "each");

    /// <summary>The port of a loop that fires once, with every item's result, after the branch has run for all.</summary>
    public static PortDescriptor Done { get; } = new("done", "done");
}
