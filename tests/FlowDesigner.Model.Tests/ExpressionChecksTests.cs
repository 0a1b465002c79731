using FlowDesigner.Model.Validation;
using static FlowDesigner.Model.Tests.Graph;

namespace FlowDesigner.Model.Tests;

public sealed class ExpressionChecksTests
{
    private readonly GraphValidator _validator = new(TestCatalog.Create());

    [Fact]
    public void JsonSettingThatIsNotJson_BlocksPublishing_NamedOnTheNodeAndSetting()
    {
        var graph = Of([Trigger(), Node("a", "test.action", new { url = "https://x.test", body = """{ "ok": true, "upstream": }""" })], "t->a");

        var issue = Assert.Single(_validator.Validate(graph));

        Assert.Equal(("invalid-json", IssueKind.Incomplete, "a", "body"), (issue.Code, issue.Kind, issue.NodeId, issue.Property));
        Assert.StartsWith("'Node a' › Body: This is not valid JSON", issue.Message);
    }

    [Fact]
    public void JsonSettingWithAnUnquotedExpression_IsValid()
    {
        var graph = Of(
            [Trigger(), Action("a"), Node("b", "test.action", new { url = "https://x.test", body = """{ "ok": true, "upstream": {{ steps["Node a"].status }} }""" })],
            "t->a",
            "a->b");

        Assert.Empty(_validator.Validate(graph));
    }

    [Fact]
    public void ExpressionReadingAStepThatDoesNotRunBefore_BlocksPublishing_NamingBothNodes()
    {
        var graph = Of(
            [Trigger(), Action("a", "{{ steps['Node b'].url }}"), Action("b", "https://x.test/{{ steps.a.status }}")],
            "t->a",
            "a->b");

        var issue = Assert.Single(_validator.Validate(graph));

        Assert.Equal(("step-not-before", "a", "url"), (issue.Code, issue.NodeId, issue.Property));
        Assert.Equal(
            "'Node a' › URL: it reads steps['Node b'], but 'Node b' does not run before 'Node a', so its output would be missing. Link 'Node b' ahead of it, or read another step.",
            issue.Message);
    }

    [Theory]
    [InlineData("{{ steps['Nobody'].x }}", "no node is named 'Nobody'")]
    [InlineData("{{ steps[\"Node a\"].x }}", "its own output")]
    [InlineData("{{ f({ a: 1 } ", "has no closing '}}'")]
    public void ExpressionProblems_AreNamedOnTheNode(string url, string problem)
    {
        var issue = Assert.Single(_validator.Validate(Of([Trigger(), Action("a", url)], "t->a")));

        Assert.Equal("a", issue.NodeId);
        Assert.Contains(problem, issue.Message);
    }

    [Fact]
    public void ComputedStepAccess_IsNotChecked()
    {
        var graph = Of([Trigger(), Action("a", "{{ steps[trigger.name].url }}")], "t->a");

        Assert.Empty(_validator.Validate(graph));
    }
}
