namespace FlowDesigner.Model.Layout;

/// <summary>
/// Where the canvas looks: fitting the whole workflow in view at a zoom whose text stays readable, and moving the
/// view just enough to bring one node into it. Pure functions of the nodes' boxes and the canvas's measured size.
/// </summary>
public static class ViewFit
{
    /// <summary>Node text is never drawn smaller than this by a fit, in pixels.</summary>
    public const double MinimumTextPixels = 11;

    /// <summary>The space kept free between the nodes and the canvas's edges, in pixels.</summary>
    public const double Margin = 40;

    /// <summary>A fit never magnifies beyond the cards' own size.</summary>
    public const double MaximumFitZoom = 1;

    /// <summary>The smallest zoom at which the smallest text on a card is still <see cref="MinimumTextPixels"/>.</summary>
    public static double ReadableZoom => MinimumTextPixels / CardSize.SmallestTextPixels;

    /// <summary>
    /// Every box inside the canvas, with the margin, centred, at the largest zoom up to 1 that holds them all; when
    /// holding them all would make text unreadable, the readable zoom centred on <paramref name="focus"/> (the trigger)
    /// instead, as far as the graph reaches (the trigger stays in view; the view shows no empty canvas beyond the
    /// graph where the graph goes on), and the rest lies beyond the view.
    /// </summary>
    /// <param name="covered">What is drawn over the canvas's edges: the fit keeps the nodes clear of it.</param>
    public static Viewport Fit(IReadOnlyCollection<Box> boxes, Box? focus, CanvasSize canvas, Insets? covered = null)
    {
        if (boxes.Count == 0 || !canvas.IsMeasured)
        {
            return Viewport.Identity;
        }

        var free = (covered ?? Insets.None).Within(canvas);
        var bounds = Box.Around(boxes);
        var zoom = Math.Min(
            MaximumFitZoom,
            Math.Min((free.Width - (2 * Margin)) / Math.Max(bounds.Width, 1), (free.Height - (2 * Margin)) / Math.Max(bounds.Height, 1)));
        if (zoom >= ReadableZoom)
        {
            return new Viewport(zoom, 0, 0).CentredOn(bounds.CentreX, bounds.CentreY, free);
        }

        // Centred on the trigger, then moved (keeping it in view) so that no side of the view shows empty canvas beyond the graph.
        var centre = focus ?? boxes.First();
        var view = new Viewport(ReadableZoom, 0, 0).CentredOn(centre.CentreX, centre.CentreY, free);
        var area = view.VisibleArea(canvas, covered);
        var outer = bounds.Inflate(Margin / ReadableZoom);
        var dx = Within(area.X, area.Right, outer.X, outer.Right);
        var dy = Within(area.Y, area.Bottom, outer.Y, outer.Bottom);
        return view with { PanX = view.PanX - (dx * view.Zoom), PanY = view.PanY - (dy * view.Zoom) };
    }

    /// <summary>
    /// How far a visible span must move to show as much of the graph's span as it can: none of the empty beyond it when
    /// the graph is the longer, the graph centred when the graph is the shorter.
    /// </summary>
    private static double Within(double visibleStart, double visibleEnd, double start, double end)
    {
        if (end - start <= visibleEnd - visibleStart)
        {
            return ((start + end) / 2) - ((visibleStart + visibleEnd) / 2);
        }

        return visibleStart < start ? start - visibleStart : visibleEnd > end ? end - visibleEnd : 0;
    }

    /// <summary>
    /// The view moved as little as possible so that the box lies inside the canvas with the margin (at the same zoom),
    /// clear of what covers its edges; unchanged when it is in view already. A box larger than the view is aligned on
    /// its top-left corner.
    /// </summary>
    public static Viewport BringIntoView(Viewport view, Box box, CanvasSize canvas, Insets? covered = null)
    {
        if (!canvas.IsMeasured)
        {
            return view;
        }

        var area = view.VisibleArea(canvas, covered);
        var margin = Margin / view.Zoom;
        var dx = Shift(box.X - margin, box.Right + margin, area.X, area.Right);
        var dy = Shift(box.Y - margin, box.Bottom + margin, area.Y, area.Bottom);
        return dx == 0 && dy == 0 ? view : view with { PanX = view.PanX - (dx * view.Zoom), PanY = view.PanY - (dy * view.Zoom) };
    }

    /// <summary>How far the visible span must move so that [start, end] lies inside it.</summary>
    private static double Shift(double start, double end, double visibleStart, double visibleEnd)
    {
        if (start < visibleStart || end - start > visibleEnd - visibleStart)
        {
            return start - visibleStart;
        }

        return end > visibleEnd ? end - visibleEnd : 0;
    }
}
