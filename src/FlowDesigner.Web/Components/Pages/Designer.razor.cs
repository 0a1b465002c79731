using Blazor.Diagrams;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Editing;
using FlowDesigner.Model.Layout;
using FlowDesigner.Model.Validation;
using FlowDesigner.Web.Components.Designer;
using FlowDesigner.Web.Designing;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using Palette = FlowDesigner.Web.Components.Designer.Palette;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>
/// The designer: a view over <see cref="DesignerState"/>. It draws the state's draft on the canvas, applies the
/// state's view to it, and forwards what the user does (palette clicks, keys, drags, drawn links) to the state.
/// </summary>
public sealed partial class Designer : IDisposable
{
    private static readonly TimeSpan AutosaveAfter = TimeSpan.FromSeconds(10);
    private CancellationTokenSource? _autosave;
    private BlazorDiagram _diagram = default!;
    private ElementReference _canvasElement;
    private GraphFragment? _clipboard;
    private Palette? _palette;
    private bool _ready;
    private bool _drawing;
    private bool _fitPending;
    private bool _paletteOpen = true;
    private bool _panelOpen = true;
    private bool _problemsOpen;

    /// <summary>The workflow to edit, from the address.</summary>
    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private DesignerState State { get; set; } = default!;

    [Inject]
    private NodeCatalog Catalog { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await State.LoadAsync(Id, CancellationToken.None);
        State.Covered = new Insets(0, 0, Minimap.DefaultHeight + (2 * Minimap.Offset), 0); // the minimap and the problems bar, along the bottom
        if (State.Missing)
        {
            return;
        }

        _diagram = CreateDiagram();
        Draw();
        _fitPending = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!RendererInfo.IsInteractive || !State.Loaded)
        {
            return;
        }

        if (_fitPending)
        {
            _fitPending = false;
            await FitWhenMeasuredAsync();
        }

        if (!_ready)
        {
            _ready = true;
            StateHasChanged();
        }
    }

    /// <summary>Draws the state's workflow (or the version viewed), its problems, the selection and the view on the canvas.</summary>
    private void Draw()
    {
        _drawing = true;
        try
        {
            if (State.Viewing is { } version)
            {
                CanvasMapping.Draw(_diagram, version.Definition, Catalog, []);
                foreach (var node in _diagram.Nodes)
                {
                    node.Locked = true;
                }
            }
            else
            {
                CanvasMapping.Draw(_diagram, State.Current, Catalog, State.Issues, State.TestRun.Result?.LatestByNode, OnNoteTextAsync);
                foreach (var node in _diagram.Nodes.Where(n => n.Locked))
                {
                    node.Locked = false; // kept from a version viewed read-only
                }

                CanvasMapping.Select(_diagram, State.Selection);
            }

            ShowView();
        }
        finally
        {
            _drawing = false;
        }
    }

    /// <summary>Records an edit in the state and draws it; says why when the state refuses it.</summary>
    private void Apply(Model.Definitions.WorkflowDefinition changed, string what)
    {
        if (State.Apply(changed, what) is { } refusal)
        {
            Snackbar.Add(refusal, Severity.Info);
        }
        else
        {
            ScheduleAutosave();
        }

        Draw();
    }

    /// <summary>Saves on its own a few seconds after the last edit, as long as the draft is not broken.</summary>
    private void ScheduleAutosave()
    {
        _autosave?.Cancel();
        _autosave?.Dispose();
        _autosave = new CancellationTokenSource();
        var token = _autosave.Token;
        _ = Task.Delay(AutosaveAfter, token).ContinueWith(
            _ => InvokeAsync(() => SaveAsync(quietly: true)),
            token,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
    }

    /// <summary>What refused the last publish or test run, for the problems bar.</summary>
    private IReadOnlyList<string> Blocking =>
    [
        .. (State.TestRun.Result?.Issues ?? []).Select(i => $"Cannot test: {State.Describe(i)}"),
        .. State.Versions.PublishIssues.Select(i => $"Not published: {State.Describe(i)}"),
    ];

    private Task SelectProblemAsync(string? nodeId)
    {
        State.Select(nodeId is null ? [] : [nodeId]);
        Draw();
        return Task.CompletedTask;
    }

    private Task ToggleSideAsync(bool palette)
    {
        if (palette)
        {
            _paletteOpen = !_paletteOpen;
        }
        else
        {
            _panelOpen = !_panelOpen;
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _autosave?.Cancel();
        _autosave?.Dispose();
        _portsSettling?.Cancel();
        _portsSettling?.Dispose();
    }

}
