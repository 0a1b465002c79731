using Blazor.Diagrams;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Editing;
using FlowDesigner.Model.Validation;
using FlowDesigner.Web.Components.Designer;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Palette = FlowDesigner.Web.Components.Designer.Palette;
using Position = FlowDesigner.Model.Definitions.Position;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>
/// The designer: a workflow's draft on a canvas, the palette to add nodes from, and the problems it still has.
/// Every edit goes through <see cref="GraphEdits"/> into the undo history; the canvas is drawn from the workflow.
/// </summary>
public sealed partial class Designer : IDisposable
{
    private static readonly TimeSpan AutosaveAfter = TimeSpan.FromSeconds(10);
    private CancellationTokenSource? _autosave;
    private const double Grid = 20;
    private BlazorDiagram _diagram = default!;
    private EditHistory? _history;
    private IReadOnlyList<ValidationIssue> _issues = [];
    private GraphFragment? _clipboard;
    private Palette? _palette;
    private string _revision = "";
    private string _savedJson = "";
    private bool _missing;
    private bool _ready;
    private bool _saving;
    private bool _drawing;
    private bool _fitPending;

    /// <summary>The workflow to edit, from the address.</summary>
    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private WorkflowService Workflows { get; set; } = default!;

    [Inject]
    private NodeCatalog Catalog { get; set; } = default!;

    [Inject]
    private GraphValidator Validator { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private PublishService Publisher { get; set; } = default!;

    [Inject]
    private TestRunner Tester { get; set; } = default!;

    [Inject]
    private FlowDesigner.Engine.Triggers.TriggerSamples Samples { get; set; } = default!;


    private TestRunResult? _testRun;
    private string? _samplePayload;
    private bool _testing;

    private IReadOnlyList<FlowDesigner.Model.Stores.VersionRecord> _versions = [];
    private IReadOnlyList<ValidationIssue> _publishIssues = [];
    private FlowDesigner.Model.Stores.VersionRecord? _viewing;
    private Guid? _activeVersionId;
    private bool _versionsOpen;

    // Read several times per render: the workflow is serialised once per version shown, not once per read.
    private WorkflowDefinition? _comparedDefinition;
    private string? _comparedSavedJson;
    private bool _dirty;

    private bool Dirty
    {
        get
        {
            if (_history is null)
            {
                return false;
            }

            if (!ReferenceEquals(_comparedDefinition, _history.Current) || !ReferenceEquals(_comparedSavedJson, _savedJson))
            {
                (_comparedDefinition, _comparedSavedJson) = (_history.Current, _savedJson);
                _dirty = WorkflowDefinitionJson.Serialize(_history.Current) != _savedJson;
            }

            return _dirty;
        }
    }

    protected override async Task OnInitializedAsync()
    {
        var workflow = await Workflows.FindAsync(Id, CancellationToken.None);
        if (workflow is null)
        {
            _missing = true;
            return;
        }

        // Notes written without an id (by hand, in an imported file) get one, so they can be selected and moved.
        var definition = workflow.Definition with
        {
            Notes = [.. workflow.Definition.Notes.Select((n, i) => n with { Id = CanvasMapping.NoteKey(n, i) })],
        };
        _samplePayload = workflow.SamplePayloadJson;
        _revision = workflow.Revision;
        _savedJson = WorkflowDefinitionJson.Serialize(definition);
        _history = new EditHistory(definition);
        _diagram = CreateDiagram();
        if (definition.Nodes.Count > 1 && definition.Nodes.DistinctBy(n => n.Position).Count() == 1)
        {
            // A workflow written by hand (or by another tool) without positions: lay it out, as an edit one can undo.
            _history.Apply(AutoLayout.Tidy(definition, new Position(80, 80)), "Auto-layout");
        }

        Draw();
        _fitPending = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!RendererInfo.IsInteractive || _history is null)
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

    /// <summary>Draws the current workflow and its problems on the canvas.</summary>
    private void Draw()
    {
        _issues = Validator.Validate(_history!.Current);
        _drawing = true;
        try
        {
            if (_viewing is { } version)
            {
                CanvasMapping.Draw(_diagram, version.Definition, Catalog, []);
                foreach (var node in _diagram.Nodes)
                {
                    node.Locked = true;
                }
            }
            else
            {
                CanvasMapping.Draw(_diagram, _history.Current, Catalog, _issues, _testRun?.LatestByNode, OnNoteTextAsync);
            }
        }
        finally
        {
            _drawing = false;
        }
    }

    private void Apply(WorkflowDefinition changed, string what)
    {
        if (_viewing is not null)
        {
            Snackbar.Add("This is a published version, shown read-only. Go back to the draft to edit.", Severity.Info);
            Draw();
            return;
        }

        _publishIssues = [];
        _history!.Apply(changed, what);
        Draw();
        ScheduleAutosave();
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

    public void Dispose()
    {
        _autosave?.Cancel();
        _autosave?.Dispose();
    }

    private string Describe(ValidationIssue issue) =>
        issue.NodeId is { } id && _history!.Current.FindNode(id) is { } node ? $"{node.Name}: {issue.Message}" : issue.Message;
}
