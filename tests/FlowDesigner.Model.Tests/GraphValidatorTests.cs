using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Validation;
using static FlowDesigner.Model.Tests.Graph;

namespace FlowDesigner.Model.Tests;

public sealed class GraphValidatorTests
{
    private readonly GraphValidator _validator = new(TestCatalog.Create());

    [Fact]
    public void Validate_ReturnsNoIssues_WhenGraphIsComplete()
    {
        var graph = Of([Trigger(), Action("a"), Node("c", "test.condition"), Action("b"), Action("d")],
            "t->a", "a->c", "c:true->b", "c:false->d");

        Assert.Empty(_validator.Validate(graph));
    }

    [Fact]
    public void Validate_NamesEveryNodeTheTriggerCannotReach_AsIncomplete_WhileNotesAreExempt()
    {
        var graph = Of([Trigger(), Action("a"), Action("lonely"), Action("after")], "t->a", "lonely->after")
            with { Notes = [new NoteDefinition("A note, linked to nothing")] };

        var issues = _validator.Validate(graph);

        Assert.Equal(["after", "lonely"], issues.Select(i => i.NodeId).Order(StringComparer.Ordinal));
        Assert.All(issues, i => Assert.Equal(("unreachable", IssueKind.Incomplete), (i.Code, i.Kind)));
        Assert.Equal("'Node lonely' is not connected to the trigger: link it or delete it.", issues.Single(i => i.NodeId == "lonely").Message);
    }

    [Fact]
    public void Validate_ReportsMissingTrigger_AsIncomplete()
    {
        var issue = Assert.Single(_validator.Validate(Of([Action("a")])));

        Assert.Equal("no-trigger", issue.Code);
        Assert.Equal(IssueKind.Incomplete, issue.Kind);
    }

    [Fact]
    public void Validate_ReportsSecondTrigger_OnTheSecondTriggerNode()
    {
        var issue = Assert.Single(_validator.Validate(Of([Trigger("t1"), Trigger("t2")])));

        Assert.Equal("second-trigger", issue.Code);
        Assert.Equal("t2", issue.NodeId);
        Assert.Equal(IssueKind.Structure, issue.Kind);
    }

    [Fact]
    public void Validate_AcceptsEmptyWorkflow_ExceptForTheMissingTrigger()
    {
        var issues = _validator.Validate(new WorkflowDefinition { Name = "New" });

        Assert.Equal(["no-trigger"], issues.Select(i => i.Code));
    }

    [Theory]
    [InlineData("x->a", "does not exist")]
    [InlineData("t->x", "does not exist")]
    [InlineData("t:yes->a", "has no output 'yes'")]
    [InlineData("a->t", "enters the trigger")]
    [InlineData("a->a", "linked to itself")]
    public void Validate_RejectsEdge_WhenItDoesNotJoinExistingPorts(string edge, string expected)
    {
        var issues = _validator.Validate(Of([Trigger(), Action("a")], edge));

        var issue = Assert.Single(issues, i => i.Code == "invalid-edge");
        Assert.Contains(expected, issue.Message);
        Assert.Equal(IssueKind.Structure, issue.Kind);
        Assert.NotNull(issue.EdgeKey);
    }

    [Fact]
    public void Validate_RejectsEdge_FromANodeWithoutOutputs()
    {
        var issues = _validator.Validate(Of([Trigger(), Node("s", "test.stop"), Action("a")], "t->s", "s->a"));

        Assert.Contains(issues, i => i.Code == "invalid-edge" && i.Message.Contains("has no output"));
    }

    [Fact]
    public void Validate_RejectsEdge_DrawnTwice()
    {
        var issues = _validator.Validate(Of([Trigger(), Action("a")], "t->a", "t->a"));

        Assert.Single(issues, i => i.Code == "invalid-edge" && i.Message.Contains("twice"));
    }

    [Fact]
    public void Validate_AcceptsEdges_FromPortsNamedByASwitchsCases()
    {
        var graph = Of([Trigger(), Node("s", "test.switch", new { cases = new { gold = "G", silver = "S" } }), Action("a"), Action("b"), Action("c")],
            "t->s", "s:gold->a", "s:silver->b", "s:default->c");

        Assert.Empty(_validator.Validate(graph));
        Assert.Contains(_validator.Validate(graph with { Edges = [.. graph.Edges, new EdgeDefinition("s", "bronze", "c")] }),
            i => i.Message.Contains("'gold', 'silver', 'default'"));
    }

    [Fact]
    public void Validate_ReportsEveryNodeOfACycle()
    {
        var graph = Of([Trigger(), Action("a"), Action("b"), Action("c")], "t->a", "a->b", "b->c", "c->a");

        var cycle = _validator.Validate(graph).Where(i => i.Code == "cycle").Select(i => i.NodeId);

        Assert.Equal(["a", "b", "c"], cycle.Order());
    }

    [Fact]
    public void Validate_AcceptsDiamond_WhichIsNotACycle()
    {
        var graph = Of([Trigger(), Action("a"), Action("b"), Action("c")], "t->a", "t->b", "a->c", "b->c");

        Assert.DoesNotContain(_validator.Validate(graph), i => i.Code == "cycle");
    }

    [Fact]
    public void Validate_ReportsRequiredProperty_WhenEmpty()
    {
        var graph = Of([Trigger(), Node("a", "test.action", new { url = "  " })], "t->a");

        var issue = Assert.Single(_validator.Validate(graph));

        Assert.Equal(("required-property", "a", "url"), (issue.Code, issue.NodeId, issue.Property));
        Assert.Equal(IssueKind.Incomplete, issue.Kind);
        Assert.Contains("'URL'", issue.Message);
    }

    [Fact]
    public void Validate_IgnoresRequiredProperty_WhileItIsHidden()
    {
        var hidden = Of([Trigger(), Node("a", "test.action", new { url = "https://x.test", auth = "none" })], "t->a");
        var shown = Of([Trigger(), Node("a", "test.action", new { url = "https://x.test", auth = "key" })], "t->a");
        var filled = Of([Trigger(), Node("a", "test.action", new { url = "https://x.test", auth = "key", apiKey = "k" })], "t->a");

        Assert.Empty(_validator.Validate(hidden));
        Assert.Equal("apiKey", Assert.Single(_validator.Validate(shown)).Property);
        Assert.Empty(_validator.Validate(filled));
    }

    [Fact]
    public void Validate_ReportsSelectValue_ThatIsNotAnOption()
    {
        var graph = Of([Trigger(), Node("a", "test.action", new { url = "https://x.test", auth = "oauth" })], "t->a");

        var issue = Assert.Single(_validator.Validate(graph));

        Assert.Equal("invalid-option", issue.Code);
        Assert.Contains("'None', 'API key'", issue.Message);
    }

    [Fact]
    public void Validate_ReportsUnknownNodeType_AsStructure()
    {
        var issues = _validator.Validate(Of([Trigger(), Node("a", "acme.teleport")], "t->a"));

        var issue = Assert.Single(issues);
        Assert.Equal(("unknown-type", "a", IssueKind.Structure), (issue.Code, issue.NodeId, issue.Kind));
        Assert.Contains("acme.teleport", issue.Message);
    }

    [Fact]
    public void Validate_ReportsDuplicateIdsAndNames()
    {
        var twin = Action("a") with { Name = "Node A" };
        var graph = Of([Trigger(), Action("a"), twin, Action("b") with { Name = "node a" }], "t->a");

        var codes = _validator.Validate(graph).Select(i => i.Code).ToList();

        Assert.Contains("duplicate-id", codes);
        Assert.Contains("duplicate-name", codes);
    }

    [Fact]
    public void Validate_AcceptsForEachBranch_ThatOnlyFeedsItselfAndDone()
    {
        var graph = Of([Trigger(), Node("f", "test.for-each"), Action("a"), Action("b"), Action("after")],
            "t->f", "f:each->a", "a->b", "f:done->after");

        Assert.Empty(_validator.Validate(graph));
    }

    [Fact]
    public void Validate_AcceptsNestedForEach()
    {
        var graph = Of([Trigger(), Node("f", "test.for-each"), Node("g", "test.for-each"), Action("a"), Action("b"), Action("after")],
            "t->f", "f:each->g", "g:each->a", "g:done->b", "f:done->after");

        Assert.Empty(_validator.Validate(graph));
    }

    [Fact]
    public void Validate_ReportsForEachLeak_WhenABranchNodeIsAlsoFedFromOutside()
    {
        var graph = Of([Trigger(), Node("f", "test.for-each"), Action("a"), Action("join")],
            "t->f", "f:each->a", "a->join", "f:done->join");

        var issue = Assert.Single(_validator.Validate(graph));

        Assert.Equal(("foreach-leak", "join", IssueKind.Structure), (issue.Code, issue.NodeId, issue.Kind));
        Assert.Contains("'done'", issue.Message);
    }
}
