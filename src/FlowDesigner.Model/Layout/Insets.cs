namespace FlowDesigner.Model.Layout;

/// <summary>How much of each side of the canvas something drawn over it covers (the minimap, the problems bar), in pixels.</summary>
public sealed record Insets(double Top, double Right, double Bottom, double Left)
{
    public static Insets None { get; } = new(0, 0, 0, 0);

    /// <summary>The part of a canvas of this size that nothing covers, in pixels from its corner.</summary>
    public Box Within(CanvasSize canvas) =>
        new(Left, Top, Math.Max(0, canvas.Width - Left - Right), Math.Max(0, canvas.Height - Top - Bottom));
}
