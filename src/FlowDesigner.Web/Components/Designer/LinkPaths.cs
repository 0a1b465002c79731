using Blazor.Diagrams.Core;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.PathGenerators;
using SvgPathProperties;

namespace FlowDesigner.Web.Components.Designer;

/// <summary>
/// Draws a link from an output on a node's right edge to an input on another's left edge without crossing either
/// node: a curve when the input lies to the right, otherwise a path that leaves to the right, runs through the gap
/// between the two nodes (or below both) and comes back into the input from the left.
/// </summary>
public sealed class LinkPaths : PathGenerator
{
    /// <summary>How far a link runs straight out of a port before it turns.</summary>
    private const double Lead = 20;

    private const double Corner = 8;

    public override PathGeneratorResult GetResult(Diagram diagram, BaseLinkModel link, Point[] route, Point source, Point target)
    {
        if (target.X - source.X >= 2 * Lead)
        {
            var bend = Math.Min(80, (target.X - source.X) / 2); // x only grows along the curve: it stays between the nodes
            var curve = new SvgPath()
                .AddMoveTo(source.X, source.Y)
                .AddCubicBezierCurve(source.X + bend, source.Y, target.X - bend, target.Y, target.X, target.Y);
            return new PathGeneratorResult(curve, [], null, source, null, target);
        }

        var lane = Lane(BoxOf(link.Source, source), BoxOf(link.Target, target));
        Point[] corners =
        [
            source,
            new(source.X + Lead, source.Y),
            new(source.X + Lead, lane),
            new(target.X - Lead, lane),
            new(target.X - Lead, target.Y),
            target,
        ];
        return new PathGeneratorResult(Rounded(corners), [], null, source, null, target);
    }

    /// <summary>
    /// The height at which the link crosses over: just above the input's node when it lies below (just below it when it
    /// lies above), so that it passes clear of the nodes stacked between; below both when they overlap in height.
    /// </summary>
    private static double Lane(Rectangle from, Rectangle to)
    {
        if (to.Top - from.Bottom >= 2 * Lead)
        {
            return to.Top - Lead;
        }

        if (from.Top - to.Bottom >= 2 * Lead)
        {
            return to.Bottom + Lead;
        }

        return Math.Max(from.Bottom, to.Bottom) + (2 * Lead);
    }

    private static Rectangle BoxOf(Anchor anchor, Point port) =>
        anchor is SinglePortAnchor { Port.Parent: { Size: { } size } node }
            ? new Rectangle(node.Position.X, node.Position.Y, node.Position.X + size.Width, node.Position.Y + size.Height)
            : new Rectangle(port.X, port.Y, port.X, port.Y);

    /// <summary>A polyline through the points with each corner rounded.</summary>
    private static SvgPath Rounded(Point[] points)
    {
        var path = new SvgPath().AddMoveTo(points[0].X, points[0].Y);
        for (var i = 1; i < points.Length - 1; i++)
        {
            var (before, at, after) = (points[i - 1], points[i], points[i + 1]);
            var radius = Math.Min(Corner, Math.Min(Distance(before, at), Distance(at, after)) / 2);
            var into = Toward(at, before, radius);
            var outOf = Toward(at, after, radius);
            path.AddLineTo(into.X, into.Y).AddQuadraticBezierCurve(at.X, at.Y, outOf.X, outOf.Y);
        }

        return path.AddLineTo(points[^1].X, points[^1].Y);
    }

    private static double Distance(Point a, Point b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private static Point Toward(Point from, Point to, double length)
    {
        var distance = Distance(from, to);
        return distance == 0 ? from : new Point(from.X + ((to.X - from.X) * length / distance), from.Y + ((to.Y - from.Y) * length / distance));
    }
}
