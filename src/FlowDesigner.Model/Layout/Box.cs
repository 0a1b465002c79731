namespace FlowDesigner.Model.Layout;

/// <summary>A rectangle on the canvas or on the screen: where a node card lies, or what part of the canvas is in view.</summary>
public readonly record struct Box(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public double CentreX => X + (Width / 2);

    public double CentreY => Y + (Height / 2);

    /// <summary>The smallest box holding every one of the boxes; an empty box at the origin when there are none.</summary>
    public static Box Around(IEnumerable<Box> boxes)
    {
        var (left, top, right, bottom) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
        foreach (var box in boxes)
        {
            (left, top) = (Math.Min(left, box.X), Math.Min(top, box.Y));
            (right, bottom) = (Math.Max(right, box.Right), Math.Max(bottom, box.Bottom));
        }

        return left > right ? default : new Box(left, top, right - left, bottom - top);
    }

    /// <summary>Whether the two boxes share any area (touching edges do not count).</summary>
    public bool Overlaps(Box other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    /// <summary>Whether the other box lies wholly inside this one.</summary>
    public bool Holds(Box other) => other.X >= X && other.Y >= Y && other.Right <= Right && other.Bottom <= Bottom;

    /// <summary>The box grown by <paramref name="margin"/> on every side.</summary>
    public Box Inflate(double margin) => new(X - margin, Y - margin, Width + (2 * margin), Height + (2 * margin));
}
