namespace FlowDesigner.Model.Layout;

/// <summary>
/// How the canvas shows the workflow: a point (x, y) of the workflow is drawn at (x * Zoom + PanX, y * Zoom + PanY)
/// pixels from the canvas's top-left corner.
/// </summary>
public sealed record Viewport(double Zoom, double PanX, double PanY)
{
    public static Viewport Identity { get; } = new(1, 0, 0);

    /// <summary>The part of the workflow a canvas of this size shows (where <paramref name="covered"/> leaves it free), in workflow units.</summary>
    public Box VisibleArea(CanvasSize canvas, Insets? covered = null)
    {
        var free = (covered ?? Insets.None).Within(canvas);
        return new Box((free.X - PanX) / Zoom, (free.Y - PanY) / Zoom, free.Width / Zoom, free.Height / Zoom);
    }

    /// <summary>Where a box of the workflow is drawn, in pixels from the canvas's corner.</summary>
    public Box OnScreen(Box box) => new((box.X * Zoom) + PanX, (box.Y * Zoom) + PanY, box.Width * Zoom, box.Height * Zoom);

    /// <summary>The same zoom, moved so the point of the workflow lies at the canvas's centre.</summary>
    public Viewport CentredOn(double x, double y, CanvasSize canvas) => CentredOn(x, y, new Box(0, 0, canvas.Width, canvas.Height));

    /// <summary>The same zoom, moved so the point of the workflow lies at the centre of an area of the canvas (in pixels).</summary>
    public Viewport CentredOn(double x, double y, Box area) =>
        this with { PanX = area.CentreX - (x * Zoom), PanY = area.CentreY - (y * Zoom) };

    /// <summary>Zoomed by the factor (within the canvas's limits) about the canvas's centre, which stays where it is.</summary>
    public Viewport ZoomedBy(double factor, CanvasSize canvas, double minimum = 0.2, double maximum = 2)
    {
        var zoom = Math.Clamp(Zoom * factor, minimum, maximum);
        var (centreX, centreY) = ((canvas.Width / 2 - PanX) / Zoom, (canvas.Height / 2 - PanY) / Zoom);
        return new Viewport(zoom, 0, 0).CentredOn(centreX, centreY, canvas);
    }
}
