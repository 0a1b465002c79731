namespace FlowDesigner.Model.Layout;

/// <summary>The canvas's size on the screen, in pixels, as the browser measured it.</summary>
public sealed record CanvasSize(double Width, double Height)
{
    public bool IsMeasured => Width > 0 && Height > 0;
}
