namespace FlowDesigner.Model.Definitions;

/// <summary>Where a node or note sits on the canvas, in canvas units.</summary>
public sealed record Position(double X, double Y)
{
    public static Position Origin { get; } = new(0, 0);
}
