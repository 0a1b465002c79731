using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Layout;
using static FlowDesigner.Model.Tests.Graph;

namespace FlowDesigner.Model.Tests;

public sealed class NodePlacementTests
{
    private static readonly Box Visible = new(-100, -50, 1000, 700);
    private readonly Descriptors.NodeCatalog _catalog = TestCatalog.Create();

    [Fact]
    public void Add_WithNothingSelected_LandsAtTheCentreOfTheView_Unlinked()
    {
        var definition = Of([]);

        var placed = NodePlacement.Add(definition, _catalog, _catalog.FindNodeType("test.trigger")!, null, new Dictionary<string, Box>(), Visible);

        Assert.Equal(new Position(300, 260), placed.Added.Position); // centre (400, 300) less half a 200 x 68 card, on the grid
        Assert.True(Visible.Holds(placed.Box));
        Assert.Null(placed.Link);
    }

    [Fact]
    public void Add_BesideTheSelectedNode_IsLinkedFromItsFirstFreePort_InTheDescriptorsOrder()
    {
        var definition = Of([Trigger("t") with { Position = new(0, 0) }, Node("c", "test.condition") with { Position = new(280, 0) }], "t:out->c", "c:true->x");
        definition = definition with { Nodes = [.. definition.Nodes, Action("x") with { Position = new(560, 0) }] };
        var boxes = Boxes(definition);

        var placed = NodePlacement.Add(definition, _catalog, _catalog.FindNodeType("test.action")!, "c", boxes, Visible);

        Assert.Equal(new EdgeDefinition("c", "false", placed.Added.Id), placed.Link);
        Assert.Contains(placed.Link, placed.Definition.Edges);
        Assert.Equal(560, placed.Added.Position.X); // to the right of the condition ...
        Assert.Equal(120, placed.Added.Position.Y); // ... below the node its "true" port already feeds, clear of it
        Assert.DoesNotContain(boxes.Values, b => b.Overlaps(placed.Box));
    }

    [Fact]
    public void Add_BelowTheSelectedNode_Unlinked_WhenEveryPortIsTaken()
    {
        var definition = Of([Trigger("t") with { Position = new(0, 0) }, Action("a") with { Position = new(280, 0) }], "t:out->a");

        var placed = NodePlacement.Add(definition, _catalog, _catalog.FindNodeType("test.action")!, "t", Boxes(definition), Visible);

        Assert.Null(placed.Link);
        Assert.Equal(new Position(0, 100), placed.Added.Position); // under the trigger's 68 px card and a gap, on the grid
        Assert.Single(placed.Definition.Edges);
    }

    [Fact]
    public void Add_ATriggerBesideTheSelectedNode_IsNeverLinkedToIt()
    {
        var definition = Of([Action("a") with { Position = new(0, 0) }]);

        var placed = NodePlacement.Add(definition, _catalog, _catalog.FindNodeType("test.trigger")!, "a", Boxes(definition), Visible);

        Assert.Null(placed.Link);
        Assert.Empty(placed.Definition.Edges);
    }

    private Dictionary<string, Box> Boxes(WorkflowDefinition definition) => definition.Nodes.ToDictionary(
        n => n.Id, n => new Box(n.Position.X, n.Position.Y, CardSize.Width, CardSize.HeightFor(_catalog.FindNodeType(n.Type), n)));
}
