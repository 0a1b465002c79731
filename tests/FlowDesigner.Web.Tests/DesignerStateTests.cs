using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Layout;
using FlowDesigner.Model.Validation;
using FlowDesigner.Testing;
using FlowDesigner.Web.Designing;

namespace FlowDesigner.Web.Tests;

/// <summary>The designer's state without a browser, on a real SQLite file: where nodes land, layout and fit, in numbers.</summary>
public sealed class DesignerStateTests : IAsyncLifetime
{
    private static readonly CanvasSize Canvas = new(900, 700);
    private TestServices _services = default!;

    public async Task InitializeAsync() => _services = await TestServices.StartAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Add_PutsTheFirstNodeAtTheCentreOfTheView_AndTheNextBesideItLinked()
    {
        var state = await OpenAsync("""{ "schema": 1, "name": "Placed", "nodes": [], "edges": [] }""");
        state.View = new Viewport(1, 110, 50);

        Assert.Null(state.Add(Type("core.webhook"), state.BoxesAfterMove(new Dictionary<string, Box>())));

        var trigger = state.Current.Nodes.Single();
        Assert.Equal((240.0, 260.0), (trigger.Position.X, trigger.Position.Y)); // the view's centre is (340, 300); a 200 x 68 card around it, on the grid
        Assert.Equal([trigger.Id], state.Selection);
        Assert.Equal(new Viewport(1, 110, 50), state.View);

        Assert.Null(state.Add(Type("core.set"), state.BoxesAfterMove(new Dictionary<string, Box>())));

        var set = state.Current.Nodes[1];
        Assert.Equal((520.0, 260.0), (set.Position.X, set.Position.Y));
        Assert.Equal(new Viewport(1, 110, 50), state.View); // both in view: the view stays
        Assert.Equal($"{trigger.Id}:out->{set.Id}", Assert.Single(state.Current.Edges).Key);
        Assert.Equal([set.Id], state.Selection);
        Assert.Equal($"Add {set.Name} after {trigger.Name}", state.History.UndoLabel);
    }

    [Fact]
    public async Task Add_MovesTheViewJustEnoughToShowTheNewNode_WhenTheGraphCannotAllShowReadably()
    {
        var state = await OpenAsync(Chain(3));
        state.View = Viewport.Identity;
        state.Select(["n3"]);

        state.Add(Type("core.set"), state.BoxesAfterMove(new Dictionary<string, Box>()));

        var added = state.Current.FindNode(state.Selection[0])!;
        Assert.Equal(80 + (3 * 280), added.Position.X);
        var shown = state.View.OnScreen(new Box(added.Position.X, added.Position.Y, CardSize.Width, 68));
        Assert.Equal(900 - ViewFit.Margin, shown.Right, 6); // its right edge is the margin in from the canvas's
        Assert.Equal(1, state.View.Zoom);
    }

    [Fact]
    public async Task Add_ZoomsOutToShowEverything_WhenTheWholeGraphFitsReadably()
    {
        var state = await OpenAsync(Chain(2));
        state.View = Viewport.Identity;
        state.Select(["n2"]);

        state.Add(Type("core.set"), state.BoxesAfterMove(new Dictionary<string, Box>()));

        // Three columns, 80 to 840 wide: the view holds them as it is, and stays.
        Assert.Equal(Viewport.Identity, state.View);
        var area = state.View.VisibleArea(Canvas);
        Assert.All(state.BoxesAfterMove(new Dictionary<string, Box>()).Values, b => Assert.True(area.Holds(b), $"{b} in {area}"));
    }

    [Fact]
    public async Task Tidy_LaysOutUnlinkedNodesInAColumn_AndFitsThemInView()
    {
        var state = await OpenAsync("""
            { "schema": 1, "name": "Scattered", "nodes": [
                { "id": "a", "type": "core.manual", "name": "A", "position": { "x": -900, "y": -640 } },
                { "id": "b", "type": "core.set", "name": "B", "position": { "x": 2400, "y": -1640 } },
                { "id": "c", "type": "core.delay", "name": "C", "position": { "x": 40, "y": 3000 } },
                { "id": "d", "type": "core.fail", "name": "D", "position": { "x": 700, "y": -900 } } ], "edges": [] }
            """);
        var measured = state.Current.Nodes.ToDictionary(n => n.Id, n => new Box(n.Position.X, n.Position.Y, 200, 70));

        Assert.Null(state.Tidy(measured));

        Assert.Equal([80.0, 220.0, 360.0, 500.0], state.Current.Nodes.Select(n => n.Position.Y));
        Assert.All(state.Current.Nodes, n => Assert.Equal(80, n.Position.X));
        Assert.Equal(1, state.View.Zoom); // 490 high: it fits at full size ...
        Assert.Equal(new Box(350, 105, 200, 490), state.View.OnScreen(new Box(80, 80, 200, 490))); // ... centred in the 900 x 700 canvas
        Assert.Equal("Auto-layout", state.History.UndoLabel);
    }

    [Fact]
    public async Task Fit_OfASevenColumnChain_KeepsTextReadable_WithTheTriggerAtTheLeftMargin()
    {
        var state = await OpenAsync(Chain(7));

        state.Fit(state.BoxesAfterMove(new Dictionary<string, Box>()));

        Assert.Equal(11.0 / 12, state.View.Zoom, 6);
        var trigger = state.View.OnScreen(state.BoxesAfterMove(new Dictionary<string, Box>())["n1"]);
        Assert.Equal(ViewFit.Margin, trigger.X, 6);
        Assert.InRange(trigger.CentreY, 300, 400); // the one row is centred in height
    }

    [Fact]
    public async Task AddingASecondTrigger_IsRefused_AndChangesNothing()
    {
        var state = await OpenAsync(Chain(1));

        var refusal = state.Add(Type("core.schedule"), state.BoxesAfterMove(new Dictionary<string, Box>()));

        Assert.Contains("already has a trigger", refusal);
        Assert.Single(state.Current.Nodes);
        Assert.False(state.Dirty);
    }

    private async Task<DesignerState> OpenAsync(string json)
    {
        var workflows = _services.Get<WorkflowService>();
        var imported = await workflows.ImportAsync(json, TestActors.Ann, default);
        var state = new DesignerState(workflows, _services.Get<NodeCatalog>(), _services.Get<GraphValidator>(), _services.Get<PublishService>(), _services.Get<TestRunner>())
        {
            Canvas = Canvas,
        };
        await state.LoadAsync(imported.Workflow!.Id, default);
        return state;
    }

    private NodeTypeDescriptor Type(string key) => _services.Get<NodeCatalog>().FindNodeType(key)!;

    /// <summary>A manual start and set nodes in one row, 280 apart from x = 80, each linked to the next.</summary>
    private static string Chain(int nodes)
    {
        var list = Enumerable.Range(1, nodes).Select(i => i == 1
            ? """{ "id": "n1", "type": "core.manual", "name": "Start", "position": { "x": 80, "y": 80 } }"""
            : $$"""{ "id": "n{{i}}", "type": "core.set", "name": "Step {{i}}", "position": { "x": {{80 + ((i - 1) * 280)}}, "y": 80 }, "config": { "fields": { "x": "1" } } }""");
        var edges = Enumerable.Range(2, nodes - 1).Select(i => $$"""{ "from": "n{{i - 1}}", "port": "out", "to": "n{{i}}" }""");
        return $$"""{ "schema": 1, "name": "Chain", "nodes": [ {{string.Join(",", list)}} ], "edges": [ {{string.Join(",", edges)}} ] }""";
    }
}
