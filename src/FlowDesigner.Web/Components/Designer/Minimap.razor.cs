using System.Globalization;
using Blazor.Diagrams;
using FlowDesigner.Model.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FlowDesigner.Web.Components.Designer;

/// <summary>
/// The whole workflow in small, docked in the canvas's corner, with the part in view outlined. A click in it centres
/// the view there; dragging in it moves the view along.
/// </summary>
public sealed partial class Minimap
{
    /// <summary>The map's height unless set otherwise, in pixels.</summary>
    public const double DefaultHeight = 130;

    /// <summary>How far the map sits from the canvas's bottom and right edges, in pixels (the stylesheet places it).</summary>
    public const double Offset = 12;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private IReadOnlyDictionary<string, Box> _nodes = new Dictionary<string, Box>();
    private Box _visible;
    private MinimapScale? _map;
    private bool _dragging;
    private bool _changed = true;
    private (double Width, double Height) _size;

    /// <summary>The canvas's diagram. Required.</summary>
    [Parameter]
    public BlazorDiagram Diagram { get; set; } = default!;

    /// <summary>Width in pixels; default 200.</summary>
    [Parameter]
    public double Width { get; set; } = 200;

    /// <summary>Height in pixels; default 130.</summary>
    [Parameter]
    public double Height { get; set; } = DefaultHeight;

    /// <summary>Called with the view the map moved to.</summary>
    [Parameter]
    public EventCallback<Viewport> OnMove { get; set; }

    protected override void OnInitialized()
    {
        Diagram.Changed += Refresh;
        Diagram.PanChanged += Refresh;
        Diagram.ZoomChanged += Refresh;
        Diagram.ContainerChanged += Refresh;
        Diagram.Nodes.Added += OnNodeAdded;
        foreach (var node in Diagram.Nodes)
        {
            OnNodeAdded(node);
        }

        Refresh();
    }

    // A node is drawn before the browser measures it: the map shows it once its size is known, and follows its moves.
    private void OnNodeAdded(Blazor.Diagrams.Core.Models.NodeModel node)
    {
        node.SizeChanged += _ => Refresh();
        node.Moving += _ => Refresh();
    }

    public void Dispose()
    {
        Diagram.Changed -= Refresh;
        Diagram.PanChanged -= Refresh;
        Diagram.ZoomChanged -= Refresh;
        Diagram.ContainerChanged -= Refresh;
        Diagram.Nodes.Added -= OnNodeAdded;
    }

    private void Refresh()
    {
        if (Diagram.Container is not { Width: > 0 } container)
        {
            return;
        }

        var canvas = new CanvasSize(container.Width, container.Height);
        var viewport = new Viewport(Diagram.Zoom, Diagram.Pan.X, Diagram.Pan.Y);
        _visible = viewport.VisibleArea(canvas);
        _nodes = CanvasMapping.Boxes(Diagram);
        if (!_dragging || _map is null)
        {
            // Kept while dragging, so that the point under the pointer does not shift as the view moves.
            _map = new MinimapScale(Box.Around([.. _nodes.Values, _visible]), Width, Height);
        }

        _changed = true;
        InvokeAsync(StateHasChanged);
    }

    protected override void OnParametersSet()
    {
        if (_size != (Width, Height))
        {
            _size = (Width, Height);
            Refresh();
        }
    }

    // The designer renders again on every edit; the map only when the diagram, the view or its size changed (it
    // draws every node, so at 500 nodes drawing it for nothing was a good part of a rename's time).
    protected override bool ShouldRender()
    {
        var changed = _changed;
        _changed = false;
        return changed;
    }

    private Task OnPointerDown(PointerEventArgs e)
    {
        _dragging = true;
        return MoveTo(e);
    }

    private Task OnPointerMove(PointerEventArgs e) => _dragging && e.Buttons == 1 ? MoveTo(e) : Task.CompletedTask;

    private void OnPointerUp(PointerEventArgs e)
    {
        if (_dragging)
        {
            _dragging = false;
            Refresh(); // the map was kept still while dragging: now it fits the workflow and the view again
        }
    }

    /// <summary>Centres the view on the point of the workflow under the pointer.</summary>
    private Task MoveTo(PointerEventArgs e)
    {
        if (_map is not { } map || Diagram.Container is not { Width: > 0 } container)
        {
            return Task.CompletedTask;
        }

        var (x, y) = map.ToWorkflow(e.OffsetX, e.OffsetY);
        var moved = new Viewport(Diagram.Zoom, Diagram.Pan.X, Diagram.Pan.Y).CentredOn(x, y, new CanvasSize(container.Width, container.Height));
        return OnMove.InvokeAsync(moved);
    }
}
