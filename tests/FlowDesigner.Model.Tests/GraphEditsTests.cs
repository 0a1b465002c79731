using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Editing;
using static FlowDesigner.Model.Tests.Graph;

namespace FlowDesigner.Model.Tests;

public sealed class GraphEditsTests
{
    private readonly Descriptors.NodeCatalog _catalog = TestCatalog.Create();

    [Fact]
    public void AddNode_GivesAFreeIdAndName_AndTheTypesDefaults()
    {
        var definition = Of([Trigger("n1"), Action("n2") with { Name = "Action" }]);

        var (changed, added) = GraphEdits.AddNode(definition, _catalog.FindNodeType("test.action")!, new Position(300, 40));

        Assert.Equal(("n3", "Action 2", new Position(300, 40)), (added.Id, added.Name, added.Position));
        Assert.Equal(3, changed.Nodes.Count);
        Assert.Equal(2, definition.Nodes.Count);
    }

    [Fact]
    public void Move_SnapsToTheGrid_AndLeavesOtherNodesAlone()
    {
        var definition = Of([Trigger("a") with { Position = new(0, 0) }, Action("b") with { Position = new(100, 100) }]);

        var moved = GraphEdits.Move(definition, ["a"], 33, 47, grid: 20);

        Assert.Equal(new Position(40, 40), moved.FindNode("a")!.Position);
        Assert.Equal(new Position(100, 100), moved.FindNode("b")!.Position);
    }

    [Theory]
    [InlineData("a:out->b", null)]
    [InlineData("a:out->a", "cannot be linked to itself")]
    [InlineData("b:out->a", "is a trigger")]
    [InlineData("b:nope->c", "has no output 'nope'")]
    [InlineData("a:out->c", "already linked")]
    [InlineData("c:out->a2", "is a trigger")]
    [InlineData("c:out->b", "would make a loop")]
    public void Link_FollowsTheCanvasRules(string link, string? problem)
    {
        var definition = Of([Trigger("a"), Action("b"), Action("c"), Trigger("a2")], "a:out->c", "b:out->c");
        var edge = Of([], link).Edges[0];

        var (changed, refused) = GraphEdits.Link(definition, _catalog, edge);

        if (problem is null)
        {
            Assert.Null(refused);
            Assert.Contains(changed.Edges, e => e.Key == edge.Key);
        }
        else
        {
            Assert.Contains(problem, refused);
            Assert.Same(definition, changed);
        }
    }

    [Fact]
    public void Delete_RemovesTheNodesAndEveryLinkTouchingThem()
    {
        var definition = Of([Trigger("a"), Action("b"), Action("c")], "a:out->b", "b:out->c", "a:out->c");

        var changed = GraphEdits.Delete(definition, ["b"]);

        Assert.Equal(["a", "c"], changed.Nodes.Select(n => n.Id));
        Assert.Equal(["a:out->c"], changed.Edges.Select(e => e.Key));
    }

    [Fact]
    public void CopyAndPaste_AddsRenamedCopiesWithTheirInnerLinks_AndNeverASecondTrigger()
    {
        var definition = Of([Trigger("a"), Action("b") with { Name = "Call" }, Action("c") with { Name = "Call 2" }], "a:out->b", "b:out->c");

        var fragment = GraphEdits.Copy(definition, ["a", "b", "c"]);
        var pasted = GraphEdits.Paste(definition, _catalog, fragment, 40, 40);

        Assert.Equal(["n1", "n2"], pasted.AddedNodeIds);
        Assert.Equal(["Call 3", "Call 4"], pasted.Definition.Nodes.Skip(3).Select(n => n.Name));
        Assert.Contains(pasted.Definition.Edges, e => e.Key == "n1:out->n2");
        Assert.Single(pasted.LeftOut, reason => reason.Contains("already has a trigger"));
        Assert.Equal(new Position(40, 40), pasted.Definition.FindNode("n1")!.Position);
    }

    [Fact]
    public void Notes_AreAdded_Edited_Moved_Copied_AndDeleted_LikeNodes()
    {
        var (withNote, note) = GraphEdits.AddNote(Of([Trigger("t")]), new Position(0, 200), "Ask finance about VAT");
        var edited = GraphEdits.EditNote(withNote, note.Id!, "VAT: 19 %");
        var moved = GraphEdits.Move(edited, [note.Id!], 40, 0);
        var pasted = GraphEdits.Paste(moved, _catalog, GraphEdits.Copy(moved, [note.Id!]), 20, 20).Definition;

        Assert.Equal(("VAT: 19 %", new Position(40, 200)), (moved.Notes[0].Text, moved.Notes[0].Position));
        Assert.Equal(2, pasted.Notes.Count);
        Assert.NotEqual(pasted.Notes[0].Id, pasted.Notes[1].Id);
        Assert.Single(GraphEdits.Delete(pasted, [note.Id!]).Notes);
    }

    [Fact]
    public void AutoLayout_PutsEachNodeAColumnAfterItsFurthestInput()
    {
        var definition = Of([Trigger("t"), Action("a"), Action("b"), Action("join")], "t:out->a", "t:out->b", "a:out->join", "b:out->join", "t:out->join");

        var tidy = AutoLayout.Tidy(definition, new Position(0, 0));

        Assert.Equal(new Position(0, 0), tidy.FindNode("t")!.Position);
        Assert.Equal(new Position(AutoLayout.ColumnWidth, 0), tidy.FindNode("a")!.Position);
        Assert.Equal(new Position(AutoLayout.ColumnWidth, AutoLayout.RowHeight), tidy.FindNode("b")!.Position);
        Assert.Equal(new Position(2 * AutoLayout.ColumnWidth, 0), tidy.FindNode("join")!.Position);
    }

    [Fact]
    public void History_RecordsAnEdit_OnlyWhenTheWorkflowReadsDifferently()
    {
        var (start, _) = GraphEdits.AddNode(Of([Trigger("t")]), _catalog.FindNodeType("test.action")!, new Position(280, 0));
        var history = new EditHistory(start);
        var rebuilt = WorkflowDefinitionJson.Parse(WorkflowDefinitionJson.Serialize(start)).Definition!; // equal, but every object new

        Assert.Same(history.Current, history.Apply(rebuilt, "Nothing"));
        Assert.False(history.CanUndo);
        var renamed = start with { Nodes = [.. start.Nodes.Select(n => n.Id == "n1" ? n with { Name = "Renamed" } : n)] };
        history.Apply(renamed, "Rename");
        Assert.Equal("Rename", history.UndoLabel);
        history.Apply(renamed with { Name = "Other workflow" }, "Rename the workflow");
        Assert.Equal("Rename the workflow", history.UndoLabel);
    }

    [Fact]
    public void History_UndoesAndRedoesEveryEdit_AndAnEditAfterUndoDropsTheRedo()
    {
        var history = new EditHistory(Of([Trigger("t")]));
        var (added, _) = GraphEdits.AddNode(history.Current, _catalog.FindNodeType("test.action")!, new Position(280, 0));
        history.Apply(added, "Add Action");
        history.Apply(GraphEdits.Move(history.Current, ["n1"], 20, 0), "Move Action");
        history.Apply(GraphEdits.Link(history.Current, _catalog, new EdgeDefinition("t", "out", "n1")).Definition, "Link");

        Assert.Equal("Link", history.UndoLabel);
        history.Undo();
        history.Undo();
        Assert.Equal(new Position(280, 0), history.Current.FindNode("n1")!.Position);
        Assert.Empty(history.Current.Edges);
        history.Redo();
        Assert.Equal(new Position(300, 0), history.Current.FindNode("n1")!.Position);

        history.Apply(GraphEdits.Delete(history.Current, ["n1"]), "Delete Action");
        Assert.False(history.CanRedo);
        history.Undo();
        Assert.NotNull(history.Current.FindNode("n1"));
        Assert.Equal(history.Current, history.Apply(history.Current with { }, "Nothing"));
    }
}
