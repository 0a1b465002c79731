using Blazor.Diagrams;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.PathGenerators;
using Blazor.Diagrams.Core.Routers;
using Blazor.Diagrams.Options;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Editing;
using FlowDesigner.Model.Validation;
using FlowDesigner.Web.Components.Designer;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
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
    private IJSRuntime JS { get; set; } = default!;

    private TestRunResult? _testRun;
    private bool _testing;

    private IReadOnlyList<FlowDesigner.Model.Stores.VersionRecord> _versions = [];
    private IReadOnlyList<ValidationIssue> _publishIssues = [];
    private FlowDesigner.Model.Stores.VersionRecord? _viewing;
    private Guid? _activeVersionId;
    private bool _versionsOpen;

    private bool Dirty => _history is not null && WorkflowDefinitionJson.Serialize(_history.Current) != _savedJson;

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

    /// <summary>The one node selected, whose settings the panel shows.</summary>
    private NodeDefinition? SelectedNode =>
        _diagram.GetSelectedModels().OfType<FlowNodeModel>().ToList() is [var only] ? _history!.Current.FindNode(only.NodeId) : null;

    /// <summary>What an expression of the node can read: the fixed names, the loop's item, and the steps before it.</summary>
    private List<string> InScopeOf(string nodeId)
    {
        var definition = _history!.Current;
        var reversed = new GraphShape(definition.Nodes.Select(n => n.Id), definition.Edges.Select(e => new EdgeDefinition(e.To, e.Port, e.From)));
        var earlier = reversed.ReachableFrom([nodeId]).Where(id => id != nodeId).Select(id => definition.FindNode(id)!).ToList();
        var names = new List<string> { "trigger", "input", "run", "env" };
        if (definition.Edges.Any(e => e.Port == PortDescriptor.Each.Name && earlier.Any(n => n.Id == e.From)))
        {
            names.AddRange(["item", "index"]);
        }

        names.AddRange(earlier.Where(n => Catalog.FindNodeType(n.Type)?.Kind != NodeKind.Trigger).Select(n => $"steps['{n.Name}']"));
        return names;
    }

    private Task OnNodeChangedAsync(NodeDefinition changed)
    {
        var definition = _history!.Current;
        Apply(definition with { Nodes = [.. definition.Nodes.Select(n => n.Id == changed.Id ? changed : n)] }, $"Edit {changed.Name}");
        return Task.CompletedTask;
    }

    private Task RenameWorkflowAsync(string? name)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            Apply(_history!.Current with { Name = name.Trim() }, "Rename");
        }

        return Task.CompletedTask;
    }

    private Task AddAsync(NodeTypeDescriptor type)
    {
        var nodes = _history!.Current.Nodes;
        var position = nodes.Count == 0
            ? new Position(80, 80)
            : new Position(nodes.Max(n => n.Position.X) + AutoLayout.ColumnWidth, nodes.MaxBy(n => n.Position.X)!.Position.Y);
        Add(type, position);
        return Task.CompletedTask;
    }

    private Task DropAsync(DragEventArgs e)
    {
        if (_palette?.Dragged is { } type)
        {
            var point = _diagram.GetRelativeMousePoint(e.ClientX, e.ClientY);
            Add(type, new Position(Math.Round(point.X / Grid) * Grid, Math.Round(point.Y / Grid) * Grid));
        }

        return Task.CompletedTask;
    }

    private void Add(NodeTypeDescriptor type, Position position)
    {
        if (type.Kind == NodeKind.Trigger && _history!.Current.Nodes.Any(n => Catalog.FindNodeType(n.Type)?.Kind == NodeKind.Trigger))
        {
            Snackbar.Add("This workflow already has a trigger: a workflow starts one way. Delete the other trigger first.", Severity.Warning);
            return;
        }

        var (changed, added) = GraphEdits.AddNode(_history!.Current, type, position);
        Apply(changed, $"Add {added.Name}");
        Select(added.Id);
    }

    private void Select(string? nodeId)
    {
        _diagram.UnselectAll();
        if (_diagram.Nodes.OfType<FlowNodeModel>().FirstOrDefault(n => n.NodeId == nodeId) is { } node)
        {
            _diagram.SelectModel(node, unselectOthers: true);
        }
    }

    /// <summary>The ids of the selected nodes and notes.</summary>
    private IReadOnlyList<string> SelectedNodeIds() =>
    [
        .. _diagram.GetSelectedModels().OfType<FlowNodeModel>().Select(n => n.NodeId),
        .. _diagram.GetSelectedModels().OfType<FlowNoteModel>().Select(n => n.NoteId),
    ];

    private Task AddNoteAsync()
    {
        var current = _history!.Current;
        var below = current.Nodes.Select(n => n.Position.Y).Concat(current.Notes.Select(n => n.Position.Y + n.Height)).DefaultIfEmpty(0).Max();
        var (changed, note) = GraphEdits.AddNote(current, new Position(80, below + (2 * AutoLayout.RowHeight / 2)));
        Apply(changed, "Add note");
        if (_diagram.Nodes.OfType<FlowNoteModel>().FirstOrDefault(n => n.NoteId == note.Id) is { } added)
        {
            _diagram.SelectModel(added, unselectOthers: true);
        }

        return Task.CompletedTask;
    }

    private Task OnNoteTextAsync(string noteId, string text)
    {
        Apply(GraphEdits.EditNote(CanvasMapping.Read(_diagram, _history!.Current), noteId, text), "Edit note");
        StateHasChanged();
        return Task.CompletedTask;
    }

    private Task DeleteSelectionAsync()
    {
        var links = _diagram.GetSelectedModels().OfType<LinkModel>().ToList();
        var current = CanvasMapping.Read(_diagram, _history!.Current);
        var withoutLinks = links.Count == 0 ? current : CanvasMapping.Read(WithoutLinks(links), current);
        Apply(GraphEdits.Delete(withoutLinks, SelectedNodeIds()), "Delete");
        return Task.CompletedTask;
    }

    private BlazorDiagram WithoutLinks(IReadOnlyList<LinkModel> links)
    {
        _drawing = true;
        try
        {
            _diagram.Links.Remove(links);
            return _diagram;
        }
        finally
        {
            _drawing = false;
        }
    }

    private async Task ToggleVersionsAsync()
    {
        _versionsOpen = !_versionsOpen;
        if (_versionsOpen)
        {
            await LoadVersionsAsync();
        }
    }

    private async Task LoadVersionsAsync()
    {
        _versions = await Publisher.ListVersionsAsync(Id, CancellationToken.None);
        _activeVersionId = (await Publisher.FindActiveAsync(Id, CancellationToken.None))?.Id;
    }

    private Task ViewAsync(FlowDesigner.Model.Stores.VersionRecord version)
    {
        _viewing = version;
        Draw();
        _fitPending = true;
        return Task.CompletedTask;
    }

    private Task BackToDraftAsync()
    {
        _viewing = null;
        Draw();
        return Task.CompletedTask;
    }

    /// <summary>Puts a version's graph back as the draft, as an edit that can be undone (and must be saved).</summary>
    private Task RestoreAsync(FlowDesigner.Model.Stores.VersionRecord version)
    {
        _viewing = null;
        Apply(version.Definition with { Name = _history!.Current.Name }, $"Restore v{version.Number}");
        Snackbar.Add($"The draft is now v{version.Number}'s graph. Save to keep it.", Severity.Info);
        return Task.CompletedTask;
    }

    private async Task ActivateAsync(FlowDesigner.Model.Stores.VersionRecord version)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Make v{version.Number} active?",
            $"New events will run v{version.Number} instead of the version active now. Runs under way finish on the version they started on. The draft is not changed.",
            yesText: $"Make v{version.Number} active", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var result = await Publisher.ActivateAsync(Id, version.Id, User.Name, CancellationToken.None);
        if (result.Published)
        {
            Snackbar.Add($"v{version.Number} is the active version now", Severity.Success);
        }
        else
        {
            Snackbar.Add(string.Join(" ", result.Issues.Select(i => i.Message)), Severity.Error);
        }

        await LoadVersionsAsync();
    }

    /// <summary>Runs the draft with a sample payload (the last one used here), then shows how each node did.</summary>
    private async Task TestRunAsync()
    {
        var key = $"flowdesigner.sample.{Id}";
        string? sample = null;
        try
        {
            sample = await JS.InvokeAsync<string?>("flowDesigner.load", key);
        }
        catch (JSException)
        {
            // no storage in this browser: start from the default
        }

        var parameters = new DialogParameters<TestRunDialog> { { d => d.Payload, sample ?? DefaultSample() } };
        var dialog = await Dialogs.ShowAsync<TestRunDialog>("Test run", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string payload })
        {
            return;
        }

        await JS.InvokeVoidAsync("flowDesigner.save", key, payload);
        _testing = true;
        StateHasChanged();
        try
        {
            using var parsed = System.Text.Json.JsonDocument.Parse(payload);
            _testRun = await Tester.RunAsync(Id, _history!.Current, parsed.RootElement.Clone(), User.Name, CancellationToken.None);
        }
        finally
        {
            _testing = false;
        }

        Draw();
        var (message, severity) = _testRun switch
        {
            { Issues.Count: > 0 } => ("The draft cannot run yet: fix the problems listed below.", Severity.Warning),
            { Status: Model.Runs.RunStatus.Succeeded } => ("Test run succeeded. Select a node to see its input and output.", Severity.Success),
            { Status: Model.Runs.RunStatus.Failed, Error: var error } => ($"Test run failed: {error}", Severity.Error),
            { Stopped: var stopped } => ($"Test run stopped. {stopped}", Severity.Info),
        };
        Snackbar.Add(message, severity);
    }

    private string DefaultSample() =>
        _history!.Current.Nodes.Any(n => n.Type == "core.webhook")
            ? "{\n  \"method\": \"POST\",\n  \"headers\": {},\n  \"query\": {},\n  \"body\": {}\n}"
            : "{}";

    /// <summary>Saves the draft if needed, asks for a note, and publishes; refused with the problems listed when incomplete.</summary>
    private async Task PublishAsync()
    {
        if (Dirty)
        {
            await SaveAsync(quietly: false);
            if (Dirty)
            {
                return; // not saved: the snackbar said why
            }
        }

        var dialog = await Dialogs.ShowAsync<PublishDialog>("Publish", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string note })
        {
            return;
        }

        var result = await Publisher.PublishAsync(Id, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), User.Name, CancellationToken.None);
        if (result.Published)
        {
            _publishIssues = [];
            Snackbar.Add($"Published as v{result.Version.Number}", Severity.Success);
        }
        else
        {
            _publishIssues = result.Issues;
            Snackbar.Add($"Not published: {result.Issues.Count} problem(s) to fix first, listed below.", Severity.Error);
        }

        await LoadVersionsAsync();
    }

    private Task UndoAsync()
    {
        if (_viewing is not null)
        {
            return Task.CompletedTask;
        }

        _history!.Undo();
        Draw();
        return Task.CompletedTask;
    }

    private Task RedoAsync()
    {
        if (_viewing is not null)
        {
            return Task.CompletedTask;
        }

        _history!.Redo();
        Draw();
        return Task.CompletedTask;
    }

    private Task TidyAsync()
    {
        Apply(AutoLayout.Tidy(_history!.Current, new Position(80, 80)), "Auto-layout");
        _fitPending = true;
        return Task.CompletedTask;
    }

    private Task FitAsync() => FitWhenMeasuredAsync();

    private void ZoomBy(double factor) => _diagram.SetZoom(Math.Clamp(_diagram.Zoom * factor, 0.2, 2));

    private Task ShowShortcutsAsync() =>
        Dialogs.ShowAsync<ShortcutsDialog>("Keyboard shortcuts", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });

    /// <summary>Leaving with unsaved changes asks first (a link in the app; the browser asks for reloads and closing).</summary>
    private async Task ConfirmLeavingAsync(Microsoft.AspNetCore.Components.Routing.LocationChangingContext context)
    {
        if (!Dirty)
        {
            return;
        }

        var leave = await Dialogs.ShowMessageBoxAsync(
            "Leave without saving?",
            "This workflow has changes that are not saved. If you leave now, they are lost.",
            yesText: "Leave without saving", cancelText: "Stay");
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }

    private void Copy()
    {
        _clipboard = GraphEdits.Copy(_history!.Current, SelectedNodeIds());
        if (!_clipboard.IsEmpty)
        {
            Snackbar.Add($"Copied {_clipboard.Nodes.Count} node(s)", Severity.Info);
        }
    }

    private void Paste()
    {
        if (_clipboard is not { IsEmpty: false } fragment)
        {
            return;
        }

        var pasted = GraphEdits.Paste(_history!.Current, Catalog, fragment, 2 * Grid, 2 * Grid);
        Apply(pasted.Definition, "Paste");
        foreach (var reason in pasted.LeftOut)
        {
            Snackbar.Add(reason, Severity.Warning);
        }

        _diagram.UnselectAll();
        foreach (var node in _diagram.Nodes.OfType<FlowNodeModel>().Where(n => pasted.AddedNodeIds.Contains(n.NodeId)))
        {
            _diagram.SelectModel(node, unselectOthers: false);
        }
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        var command = e.CtrlKey || e.MetaKey;
        if (_viewing is not null && e.Key is not ("?" or "+" or "=" or "-"))
        {
            return; // a published version is only looked at
        }

        switch (e.Key.ToLowerInvariant())
        {
            case "z" when command && e.ShiftKey:
            case "y" when command:
                await RedoAsync();
                break;
            case "z" when command:
                await UndoAsync();
                break;
            case "s" when command:
                await SaveAsync();
                break;
            case "c" when command:
                Copy();
                break;
            case "v" when command:
                Paste();
                break;
            case "d" when command:
                Copy();
                Paste();
                break;
            case "delete" or "backspace":
                await DeleteSelectionAsync();
                break;
            case "a" when command:
                foreach (var node in _diagram.Nodes)
                {
                    _diagram.SelectModel(node, unselectOthers: false);
                }

                break;
            case "+" or "=":
                ZoomBy(1.2);
                break;
            case "-":
                ZoomBy(1 / 1.2);
                break;
            case "?":
                await ShowShortcutsAsync();
                break;
        }
    }

    private Task SaveAsync() => SaveAsync(quietly: false);

    /// <param name="quietly">An autosave: says nothing when it worked, and does not save a draft with structure problems.</param>
    private async Task SaveAsync(bool quietly)
    {
        if (_saving || !Dirty || (quietly && _issues.Any(i => i.Kind == IssueKind.Structure)))
        {
            return;
        }

        _saving = true;
        try
        {
            var definition = _history!.Current;
            var result = await Workflows.SaveDraftAsync(Id, definition, _revision, User.Name, CancellationToken.None);
            if (result.Saved)
            {
                _revision = result.Workflow.Revision;
                _savedJson = WorkflowDefinitionJson.Serialize(definition);
                if (!quietly)
                {
                    Snackbar.Add("Saved", Severity.Success);
                }
            }
            else
            {
                Snackbar.Add($"Not saved: {string.Join(" ", result.Issues.Where(i => i.Kind == IssueKind.Structure).Select(i => i.Message))}", Severity.Error);
            }
        }
        catch (FlowDesigner.Model.Stores.WorkflowConflictException exception)
        {
            Snackbar.Add(exception.Message, Severity.Error, o => o.RequireInteraction = true);
        }
        finally
        {
            _saving = false;
            StateHasChanged();
        }
    }

    private string Describe(ValidationIssue issue) =>
        issue.NodeId is { } id && _history!.Current.FindNode(id) is { } node ? $"{node.Name}: {issue.Message}" : issue.Message;
}
