using FlowDesigner.Model.Expressions;

namespace FlowDesigner.Model.Tests;

public sealed class ExpressionScannerTests
{
    [Theory]
    [InlineData("{{ (()=>{while(true){}})() }}", "(()=>{while(true){}})()")]
    [InlineData("{{ \"a}}b\" + x }}", "\"a}}b\" + x")]
    [InlineData("{{ 'it''s' }}", "'it''s'")]
    [InlineData("{{ `total ${ {a: 1}.a }}}` }}", "`total ${ {a: 1}.a }}}`")]
    [InlineData("{{ x /* }} */ + 1 }}", "x /* }} */ + 1")]
    [InlineData("{{ ({ a: { b: 1 } }).a }}", "({ a: { b: 1 } }).a")]
    public void Split_EndsAnExpression_AtTheBracesThatCloseIt(string text, string expression)
    {
        var parts = ExpressionScanner.Split(text);

        Assert.Equal([(true, expression)], parts);
    }

    [Fact]
    public void Split_KeepsTextAroundExpressions_AndClosesEachAtItsOwnBraces()
    {
        var parts = ExpressionScanner.Split("Order {{ trigger.id }} for {{ steps['A'].name }}}");

        Assert.Equal([(false, "Order "), (true, "trigger.id"), (false, " for "), (true, "steps['A'].name"), (false, "}")], parts);
    }

    [Fact]
    public void Split_Refuses_AnExpressionNothingCloses()
    {
        var error = Assert.Throws<FormatException>(() => ExpressionScanner.Split("Hi {{ f({ a: 1 } "));

        Assert.Contains("has no closing '}}'", error.Message);
    }

    [Fact]
    public void Split_ClosesUnbalancedJavaScript_AtTheFirstBraces_SoItsOwnErrorIsReported()
    {
        Assert.Equal([(false, "Qty "), (true, "item.qty.toFixed("), (false, " each")], ExpressionScanner.Split("Qty {{ item.qty.toFixed( }} each"));
    }

    [Fact]
    public void StepReferences_FindsTheLiteralForms_AndLeavesComputedAccessAndTextAlone()
    {
        var names = StepReferences.In("""steps['A'].x + steps["B C"].y + steps.n2.z + steps?.D + steps[name] + "steps.E" + mysteps.F + x.steps.G + steps['it\'s']""");

        Assert.Equal(["A", "B C", "n2", "D", "it's"], names);
    }

    [Theory]
    [InlineData("""{ "ok": true, "upstream": {{ steps["HTTP request"].status }} }""", true, null)]
    [InlineData("""{ "note": "Order {{ steps["Get"].id }} of "{{ trigger.name }}"" }""", true, "not valid JSON")]
    [InlineData("""{ "note": "Order {{ steps["Get"].id }} shipped" }""", true, null)]
    [InlineData("""{ "ok": true, "upstream": }""", true, "not valid JSON")]
    [InlineData("""{ "ok": {{ x } """, true, "no closing")]
    [InlineData("{{ steps.Get.body }}", false, null)]
    [InlineData("plain text", false, null)]
    public void JsonTemplate_IsReadAsJsonWithExpressions(string text, bool isTemplate, string? problem)
    {
        var value = System.Text.Json.JsonSerializer.SerializeToElement(text);

        Assert.Equal(isTemplate, JsonTemplate.Holds(value));
        if (isTemplate)
        {
            var found = JsonTemplate.FindProblem(text);
            if (problem is null)
            {
                Assert.Null(found);
            }
            else
            {
                Assert.Contains(problem, found);
            }
        }
    }
}
