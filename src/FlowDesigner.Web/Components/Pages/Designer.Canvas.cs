using Blazor.Diagrams;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.PathGenerators;
using Blazor.Diagrams.Core.Routers;
using Blazor.Diagrams.Options;
using FlowDesigner.Model.Editing;
using FlowDesigner.Web.Components.Designer;
using MudBlazor;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>The designer's canvas: how it is made, fitted once measured, and what a drag or a drawn link records.</summary>
public sealed partial class Designer
{
    /// <summary>Fits the graph to the canvas once the browser has measured the canvas and every node.</summary>
    private async Task FitWhenMeasuredAsync()
    {
        for (var tries = 0; tries < 40; tries++)
        {
            if (_diagram.Nodes.Count == 0)
            {
                return;
            }

            if (_diagram.Container is { Width: > 0 } && _diagram.Nodes.All(n => n.Size is { Width: > 0 }))
            {
                _diagram.ZoomToFit(60);
                _diagram.SetZoom(Math.Min(_diagram.Zoom, 1));
                return;
            }

            await Task.Delay(25);
        }
    }

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
                DefaultPathGenerator = new SmoothPathGenerator(),
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
        diagram.SelectionChanged += _ => InvokeAsync(StateHasChanged);
        return diagram;
    }

    /// <summary>After a drag on the canvas: keeps where the nodes were left.</summary>
    private void RecordCanvas(string what)
    {
        if (_drawing || _history is null || _viewing is not null)
        {
            return;
        }

        var read = CanvasMapping.Read(_diagram, _history.Current);
        if (read.Edges.Count == _history.Current.Edges.Count)
        {
            _history.Apply(GraphEdits.Move(read, [], 0, 0), what);
            ScheduleAutosave();
            StateHasChanged();
        }
    }

    private void OnLinkDrawn(BaseLinkModel link)
    {
        if (_drawing || _history is null)
        {
            return;
        }

        if (_viewing is not null)
        {
            Draw();
            StateHasChanged();
            return;
        }

        var read = CanvasMapping.Read(_diagram, _history.Current);
        var drawn = read.Edges.FirstOrDefault(e => _history.Current.Edges.All(known => known.Key != e.Key));
        var (linked, problem) = drawn is null ? (_history.Current, "That link is already there.") : GraphEdits.Link(_history.Current, Catalog, drawn);
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
