using Blazor.Diagrams;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.Routers;
using Blazor.Diagrams.Options;
using FlowDesigner.Model.Editing;
using FlowDesigner.Model.Layout;
using FlowDesigner.Web.Components.Designer;
using Microsoft.JSInterop;
using MudBlazor;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>The designer's canvas: how it is made, measured, fitted and moved, and what a drag or a drawn link records.</summary>
public sealed partial class Designer
{
    private const double Grid = 20;
    private bool _showingView;
    private CancellationTokenSource? _portsSettling;

    private BlazorDiagram CreateDiagram()
    {
        var options = new BlazorDiagramOptions
        {
            AllowMultiSelection = true,
            GridSize = (int)Grid,
            Zoom = { Enabled = true, Minimum = 0.2, Maximum = 2 },
            Links =
            {
                DefaultRouter = new NormalRouter(),
                DefaultPathGenerator = new LinkPaths(),
                RequireTarget = true,
                EnableSnapping = true,
            },
        };
        var diagram = new BlazorDiagram(options);
        diagram.RegisterComponent<FlowNodeModel, FlowNodeWidget>();
        diagram.RegisterComponent<FlowNoteModel, FlowNoteWidget>();
        diagram.UnregisterBehavior<KeyboardShortcutsBehavior>(); // the designer's own shortcuts go through the history
        diagram.PointerUp += (_, _) => InvokeAsync(() => RecordCanvas("Move"));
        diagram.Links.Added += link => link.TargetAttached += attached => InvokeAsync(() => OnLinkDrawn(attached));
        diagram.SelectionChanged += _ => InvokeAsync(OnSelectionChanged);
        diagram.PanChanged += KeepView;
        diagram.ZoomChanged += KeepView;
        diagram.ContainerChanged += () => InvokeAsync(MeasurePortsAgainAsync);
        return diagram;
    }

    /// <summary>
    /// A port's place is measured once, against the canvas's box and view of that moment: when the canvas moves or
    /// changes size (the navigation drawer closing, a side panel collapsing, the window resizing) or the view moves
    /// while ports are measured, links would be drawn from where the ports were. Once things rest, every port is
    /// measured again.
    /// </summary>
    private async Task MeasurePortsAgainAsync()
    {
        _portsSettling?.Cancel();
        _portsSettling?.Dispose();
        _portsSettling = new CancellationTokenSource();
        try
        {
            await Task.Delay(150, _portsSettling.Token);
        }
        catch (TaskCanceledException)
        {
            return;
        }

        foreach (var node in _diagram.Nodes)
        {
            node.ReinitializePorts();
        }
    }

    /// <summary>A pan or zoom the user made on the canvas (drag, wheel) becomes the state's view.</summary>
    private void KeepView()
    {
        if (!_showingView)
        {
            State.View = new Viewport(_diagram.Zoom, _diagram.Pan.X, _diagram.Pan.Y);
        }
    }

    /// <summary>Puts the state's view on the canvas.</summary>
    private void ShowView()
    {
        if (State.View == new Viewport(_diagram.Zoom, _diagram.Pan.X, _diagram.Pan.Y))
        {
            return;
        }

        _showingView = true;
        try
        {
            _diagram.Batch(() =>
            {
                _diagram.SetZoom(State.View.Zoom);
                _diagram.SetPan(State.View.PanX, State.View.PanY);
            });
        }
        finally
        {
            _showingView = false;
        }

        // A port measured while the view moved took the old view for the new: measure them all again once it rests.
        _ = InvokeAsync(MeasurePortsAgainAsync);
    }

    private void OnSelectionChanged()
    {
        if (!_drawing && State.Viewing is null)
        {
            State.Select(CanvasMapping.SelectedIds(_diagram));
            StateHasChanged();
        }
    }

    /// <summary>
    /// Measures the canvas as it is now (the palette, panel or window may have changed its size since the diagram was
    /// told), and tells both the diagram and the state.
    /// </summary>
    private async Task MeasureAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            var box = await JS.InvokeAsync<Rectangle?>("flowDesigner.canvasBox", _canvasElement);
            if (box is { Width: > 0 })
            {
                _diagram.SetContainer(box);
                State.Canvas = new CanvasSize(box.Width, box.Height);
            }
        }
        catch (JSException)
        {
            // The canvas is not on the page (yet): keep the last size known.
        }

        if (!State.Canvas.IsMeasured && _diagram.Container is { Width: > 0 } container)
        {
            State.Canvas = new CanvasSize(container.Width, container.Height);
        }
    }

    /// <summary>Fits the graph to the canvas once the browser has measured the canvas, every node and every port (or after a second).</summary>
    private async Task FitWhenMeasuredAsync()
    {
        for (var tries = 0; tries < 40 && _diagram.Nodes.Any(n => n.Size is not { Width: > 0 } || n.Ports.Any(p => !p.Initialized)); tries++)
        {
            await Task.Delay(25);
        }

        await FitAsync();
    }

    private async Task FitAsync()
    {
        await MeasureAsync();
        State.Fit(State.BoxesAfterMove(CanvasMapping.Boxes(_diagram)));
        ShowView();
        StateHasChanged();
    }

    private async Task TidyAsync()
    {
        await MeasureAsync();
        if (State.Tidy(CanvasMapping.Boxes(_diagram)) is { } refusal)
        {
            Snackbar.Add(refusal, Severity.Info);
            return;
        }

        ScheduleAutosave();
        Draw();
    }

    private async Task ZoomBy(double factor)
    {
        await MeasureAsync();
        State.View = State.View.ZoomedBy(factor, State.Canvas);
        ShowView();
    }

    /// <summary>The minimap moved the view.</summary>
    private Task MoveViewAsync(Viewport view)
    {
        State.View = view;
        ShowView();
        return Task.CompletedTask;
    }

    /// <summary>After a drag on the canvas: keeps where the nodes were left.</summary>
    private void RecordCanvas(string what)
    {
        if (_drawing || State.Viewing is not null || !State.Loaded)
        {
            return;
        }

        var read = CanvasMapping.Read(_diagram, State.Current);
        if (read.Edges.Count == State.Current.Edges.Count && State.Apply(GraphEdits.Move(read, [], 0, 0), what) is null && State.Dirty)
        {
            ScheduleAutosave();
            StateHasChanged();
        }
    }

    private void OnLinkDrawn(BaseLinkModel link)
    {
        if (_drawing || !State.Loaded)
        {
            return;
        }

        if (State.Viewing is not null)
        {
            Draw();
            StateHasChanged();
            return;
        }

        var read = CanvasMapping.Read(_diagram, State.Current);
        var drawn = read.Edges.FirstOrDefault(e => State.Current.Edges.All(known => known.Key != e.Key));
        var (linked, problem) = drawn is null ? (State.Current, "That link is already there.") : GraphEdits.Link(State.Current, Catalog, drawn);
        if (problem is not null)
        {
            Snackbar.Add(problem, Severity.Warning);
            Draw();
        }
        else
        {
            Apply(linked with { Nodes = read.Nodes }, "Link");
        }

        StateHasChanged();
    }
}
