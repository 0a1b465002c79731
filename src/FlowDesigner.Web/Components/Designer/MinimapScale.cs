using FlowDesigner.Model.Layout;

namespace FlowDesigner.Web.Components.Designer;

/// <summary>How the minimap shrinks the workflow: the area shown, scaled to fit the map and centred in it.</summary>
public sealed class MinimapScale
{
    private const double Padding = 6;
    private readonly Box _area;
    private readonly double _scale;
    private readonly double _offsetX;
    private readonly double _offsetY;

    public MinimapScale(Box area, double width, double height)
    {
        _area = area;
        _scale = Math.Min((width - (2 * Padding)) / Math.Max(area.Width, 1), (height - (2 * Padding)) / Math.Max(area.Height, 1));
        _offsetX = (width - (area.Width * _scale)) / 2;
        _offsetY = (height - (area.Height * _scale)) / 2;
    }

    public Box ToMap(Box box) =>
        new(_offsetX + ((box.X - _area.X) * _scale), _offsetY + ((box.Y - _area.Y) * _scale), box.Width * _scale, box.Height * _scale);

    public (double X, double Y) ToWorkflow(double mapX, double mapY) =>
        (_area.X + ((mapX - _offsetX) / _scale), _area.Y + ((mapY - _offsetY) / _scale));
}
