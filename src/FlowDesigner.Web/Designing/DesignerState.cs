using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Editing;
using FlowDesigner.Model.Layout;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Validation;
using FlowDesigner.Model.Users;

namespace FlowDesigner.Web.Designing;

/// <summary>
/// What the designer page shows, without the browser: the draft and its undo history, its problems, whether it is
/// saved, which nodes are selected, where the canvas looks, its versions and its last test run. Every edit goes
/// through <see cref="Apply"/>; the page draws the canvas from <see cref="Current"/> and <see cref="View"/> after each.
/// </summary>
public sealed class DesignerState(
    WorkflowService workflows, NodeCatalog catalog, GraphValidator validator, PublishService publisher, TestRunner tester)
{
    private static readonly Position LayoutOrigin = new(80, 80);
    private EditHistory _history = new(WorkflowDefinition.Empty("Workflow"));
    private string _savedJson = "";
    private WorkflowDefinition? _comparedDefinition;
    private string? _comparedSavedJson;
    private bool _dirty;

    public Guid WorkflowId { get; private set; }

    /// <summary>The versions panel and publishing.</summary>
    public DesignerVersions Versions { get; } = new(publisher);

    /// <summary>The last test run.</summary>
    public DesignerTestRun TestRun { get; } = new(tester, workflows);

    /// <summary>The workflow was not found (deleted, or a wrong address).</summary>
    public bool Missing { get; private set; }

    public bool Loaded { get; private set; }

    public WorkflowDefinition Current => _history.Current;

    /// <summary>The number of the version new events run; null when none is active.</summary>
    public int? ActiveVersionNumber { get; private set; }

    /// <summary>Whether the saved draft differs from the active version.</summary>
    public bool ChangedSinceActive { get; private set; }

    /// <summary>Draft, Published vN, Changed since vN, or Deactivated.</summary>
    public WorkflowState PublishState => WorkflowStates.Of(ActiveVersionNumber, ChangedSinceActive, Versions.All.FirstOrDefault()?.Number);

    /// <summary>The problems that keep the draft from being published (warnings do not).</summary>
    public IReadOnlyList<ValidationIssue> PublishBlockers => [.. Issues.Where(i => i.Kind != IssueKind.Warning)];

    /// <summary>Why Publish is unavailable, or null when it is.</summary>
    public string? PublishBlockedReason => Viewing is not null
        ? "A published version is shown: go back to the draft to publish."
        : PublishBlockers.Count switch
        {
            0 => null,
            1 => "Fix the problem listed in the problems bar first.",
            var n => $"Fix the {n} problems listed in the problems bar first.",
        };

    /// <summary>Reads again which version is active and whether the saved draft has changed since (after publishing, activating, deactivating).</summary>
    public async Task RefreshPublishStateAsync(CancellationToken cancellationToken)
    {
        if (await workflows.FindAsync(WorkflowId, cancellationToken) is { } workflow)
        {
            (ActiveVersionNumber, ChangedSinceActive) = (workflow.ActiveVersionNumber, workflow.ChangedSinceActive);
        }

        await Versions.LoadAsync(WorkflowId, cancellationToken);
    }

    /// <summary>What text settings offer while typing (<see cref="SuggestionLists"/>), read when the workflow is opened.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Suggestions { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Where the workflow's trigger keeps the event's data (see <see cref="NodeTypeDescriptor.DataPath"/>); null without a trigger.</summary>
    public string? TriggerDataPath => Current.Nodes
        .Select(n => catalog.FindNodeType(n.Type))
        .FirstOrDefault(t => t?.Kind == NodeKind.Trigger)?.DataPath;

    public EditHistory History => _history;

    /// <summary>The draft's problems, as validation sees them now.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; private set; } = [];

    /// <summary>The store's revision of the draft this state was loaded from or last saved as.</summary>
    public string Revision { get; private set; } = "";

    public string? SamplePayload { get; set; }

    public bool Saving { get; private set; }

    /// <summary>A published version shown read-only instead of the draft, if one is.</summary>
    public VersionRecord? Viewing { get; set; }

    /// <summary>The ids of the selected nodes and notes.</summary>
    public IReadOnlyList<string> Selection { get; private set; } = [];

    /// <summary>The one node selected, whose settings the panel shows.</summary>
    public NodeDefinition? SelectedNode => Selection is [var only] ? Current.FindNode(only) : null;

    /// <summary>Where the canvas looks.</summary>
    public Viewport View { get; set; } = Viewport.Identity;

    /// <summary>The canvas's size, as last measured.</summary>
    public CanvasSize Canvas { get; set; } = new(0, 0);

    /// <summary>What is drawn over the canvas's edges (the minimap, the problems bar): fitting and placing keep nodes clear of it.</summary>
    public Insets Covered { get; set; } = Insets.None;

    /// <summary>The draft differs from what is saved.</summary>
    public bool Dirty
    {
        get
        {
            if (!ReferenceEquals(_comparedDefinition, Current) || !ReferenceEquals(_comparedSavedJson, _savedJson))
            {
                (_comparedDefinition, _comparedSavedJson) = (Current, _savedJson);
                _dirty = WorkflowDefinitionJson.Serialize(Current) != _savedJson;
            }

            return _dirty;
        }
    }

    public async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        WorkflowId = id;
        var workflow = await workflows.FindAsync(id, cancellationToken);
        if (workflow is null)
        {
            Missing = true;
            return;
        }

        // Notes written without an id (by hand, in an imported file) get one, so they can be selected and moved.
        var definition = workflow.Definition with
        {
            Notes = [.. workflow.Definition.Notes.Select((n, i) => n with { Id = Components.Designer.CanvasMapping.NoteKey(n, i) })],
        };
        SamplePayload = workflow.SamplePayloadJson;
        (ActiveVersionNumber, ChangedSinceActive) = (workflow.ActiveVersionNumber, workflow.ChangedSinceActive);
        await Versions.LoadAsync(id, cancellationToken);
        Suggestions = new Dictionary<string, IReadOnlyList<string>>
        {
            [SuggestionLists.EmittedEvents] = await publisher.EmittedEventNamesAsync(cancellationToken),
        };
        Revision = workflow.Revision;
        _savedJson = WorkflowDefinitionJson.Serialize(definition);
        _history = new EditHistory(definition);
        if (definition.Nodes.Count > 1 && definition.Nodes.DistinctBy(n => n.Position).Count() == 1)
        {
            // A workflow written by hand (or by another tool) without positions: lay it out, as an edit one can undo.
            _history.Apply(AutoLayout.Tidy(definition, LayoutOrigin), "Auto-layout");
        }

        Validate();
        Loaded = true;
    }

    /// <summary>Records an edit of the draft; refused, with the reason, while a published version is shown.</summary>
    public string? Apply(WorkflowDefinition changed, string what)
    {
        if (Viewing is not null)
        {
            return ReadOnly;
        }

        _history.Apply(changed, what);
        Versions.PublishIssues = [];
        Selection = [.. Selection.Where(Exists)];
        Validate();
        return null;
    }

    public void Undo()
    {
        if (Viewing is null)
        {
            _history.Undo();
            Selection = [.. Selection.Where(Exists)];
            Validate();
        }
    }

    public void Redo()
    {
        if (Viewing is null)
        {
            _history.Redo();
            Validate();
        }
    }

    public void Select(IEnumerable<string> ids) => Selection = [.. ids.Distinct().Where(Exists)];

    /// <summary>Why a node of this type cannot be added, if it cannot.</summary>
    public string? RefusalToAdd(NodeTypeDescriptor type) =>
        Viewing is not null ? ReadOnly
        : type.Kind == NodeKind.Trigger && Current.Nodes.Any(n => catalog.FindNodeType(n.Type)?.Kind == NodeKind.Trigger)
            ? "This workflow already has a trigger: a workflow starts one way. Delete the other trigger first."
            : null;

    /// <summary>
    /// Adds a node from the palette where <see cref="NodePlacement"/> puts it (beside the selected node, linked, or at
    /// the centre of the view), selects it, and moves the view just enough to show it.
    /// </summary>
    /// <param name="boxes">Where each node and note lies now.</param>
    public string? Add(NodeTypeDescriptor type, IReadOnlyDictionary<string, Box> boxes)
    {
        if (RefusalToAdd(type) is { } refusal)
        {
            return refusal;
        }

        var selected = SelectedNode?.Id;
        var placed = NodePlacement.Add(Current, catalog, type, selected, boxes, View.VisibleArea(Canvas, Covered));
        Apply(placed.Definition, placed.Link is null ? $"Add {placed.Added.Name}" : $"Add {placed.Added.Name} after {Current.FindNode(selected!)!.Name}");
        Selection = [placed.Added.Id];
        View = ShowingAll(boxes.Values.Append(placed.Box).ToList(), placed.Box);
        return null;
    }

    /// <summary>
    /// The view after a node was added: as it was if it shows everything, else moved just enough to show the new node,
    /// unless the whole graph fits at a readable zoom, which then shows it whole.
    /// </summary>
    private Viewport ShowingAll(IReadOnlyList<Box> boxes, Box added)
    {
        var moved = ViewFit.BringIntoView(View, added, Canvas, Covered);
        var area = moved.VisibleArea(Canvas, Covered);
        if (boxes.All(area.Holds))
        {
            return moved;
        }

        var fitted = ViewFit.Fit(boxes, null, Canvas, Covered);
        var fittedArea = fitted.VisibleArea(Canvas, Covered);
        return boxes.All(fittedArea.Holds) ? fitted : moved;
    }

    /// <summary>Adds a node where it was dropped, and selects it.</summary>
    public string? AddAt(NodeTypeDescriptor type, Position position)
    {
        if (RefusalToAdd(type) is { } refusal)
        {
            return refusal;
        }

        var (changed, added) = GraphEdits.AddNode(Current, type, position);
        Apply(changed, $"Add {added.Name}");
        Selection = [added.Id];
        return null;
    }

    /// <summary>Lays the graph out left to right, then fits it in view.</summary>
    /// <param name="boxes">Where each node lies now; only their sizes are used.</param>
    public string? Tidy(IReadOnlyDictionary<string, Box> boxes)
    {
        var refusal = Apply(AutoLayout.Tidy(Current, LayoutOrigin), "Auto-layout");
        if (refusal is null)
        {
            Fit(BoxesAfterMove(boxes));
        }

        return refusal;
    }

    /// <summary>Fits every node and note in view at a readable zoom, or centres on the trigger at that zoom when they do not all fit.</summary>
    public void Fit(IReadOnlyDictionary<string, Box> boxes)
    {
        var shown = Viewing?.Definition ?? Current;
        var trigger = shown.Nodes.FirstOrDefault(n => catalog.FindNodeType(n.Type)?.Kind == NodeKind.Trigger);
        View = ViewFit.Fit(boxes.Values.ToList(), trigger is not null && boxes.TryGetValue(trigger.Id, out var box) ? box : null, Canvas, Covered);
    }

    /// <summary>The boxes at the nodes' and notes' current positions, keeping each one's size (estimated for one not measured yet).</summary>
    public IReadOnlyDictionary<string, Box> BoxesAfterMove(IReadOnlyDictionary<string, Box> measured)
    {
        var shown = Viewing?.Definition ?? Current;
        var boxes = new Dictionary<string, Box>(StringComparer.Ordinal);
        foreach (var node in shown.Nodes)
        {
            var size = measured.TryGetValue(node.Id, out var known)
                ? known
                : new Box(0, 0, CardSize.Width, CardSize.HeightFor(catalog.FindNodeType(node.Type), node));
            boxes[node.Id] = size with { X = node.Position.X, Y = node.Position.Y };
        }

        foreach (var note in shown.Notes.Where(n => n.Id is not null))
        {
            var size = measured.TryGetValue(note.Id!, out var known) ? known : new Box(0, 0, note.Width, note.Height);
            boxes[note.Id!] = size with { X = note.Position.X, Y = note.Position.Y };
        }

        return boxes;
    }

    /// <summary>Saves the draft if it changed; an autosave (<paramref name="quietly"/>) leaves a draft with structure problems alone.</summary>
    /// <returns>What to tell the user: null when there is nothing to say.</returns>
    public async Task<SaveOutcome> SaveAsync(Actor actor, bool quietly, CancellationToken cancellationToken)
    {
        if (Saving || !Dirty || (quietly && Issues.Any(i => i.Kind == IssueKind.Structure)))
        {
            return SaveOutcome.Nothing;
        }

        Saving = true;
        try
        {
            var definition = Current;
            var result = await workflows.SaveDraftAsync(WorkflowId, definition, Revision, actor, cancellationToken);
            if (!result.Saved)
            {
                return SaveOutcome.Refused($"Not saved: {string.Join(" ", result.Issues.Where(i => i.Kind == IssueKind.Structure).Select(i => i.Message))}");
            }

            Revision = result.Workflow!.Revision;
            (ActiveVersionNumber, ChangedSinceActive) = (result.Workflow.ActiveVersionNumber, result.Workflow.ChangedSinceActive);
            _savedJson = WorkflowDefinitionJson.Serialize(definition);
            return quietly ? SaveOutcome.Nothing : SaveOutcome.Saved;
        }
        catch (WorkflowConflictException exception)
        {
            return SaveOutcome.Failure(exception.Message);
        }
        catch (WorkflowNotFoundException)
        {
            return SaveOutcome.Failure(Deleted);
        }
        finally
        {
            Saving = false;
        }
    }

    private const string ReadOnly = "This is a published version, shown read-only. Go back to the draft to edit.";

    public const string Deleted = "This workflow was deleted since you opened it, so it can no longer be saved, tested or published.";

    /// <summary>A node's or the workflow's problem as the problems list says it: with the node's name in front.</summary>
    public string Describe(ValidationIssue issue) =>
        issue.NodeId is { } id && Current.FindNode(id) is { } node ? $"{node.Name}: {issue.Message}" : issue.Message;

    private bool Exists(string id) => Current.FindNode(id) is not null || Current.Notes.Any(n => n.Id == id);

    private void Validate() => Issues = validator.Validate(Current);
}
