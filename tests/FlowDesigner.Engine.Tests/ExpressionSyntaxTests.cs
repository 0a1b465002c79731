using System.Text.Json;
using FlowDesigner.Engine.Expressions;

namespace FlowDesigner.Engine.Tests;

/// <summary>An expression that is not valid JavaScript is a problem with what was written, told as such.</summary>
public sealed class ExpressionSyntaxTests
{
    private static readonly ExpressionEvaluator Evaluator = new(new ExpressionLimits());

    [Fact]
    public void InvalidJavaScript_IsReportedAsWritten_NotAsAFailure()
    {
        var problem = Evaluator.FindSyntaxError("Qty {{ item.qty.toFixed( }}");

        Assert.NotNull(problem);
        Assert.Contains("Unexpected", problem, StringComparison.Ordinal);
        Assert.Null(Evaluator.FindSyntaxError("Qty {{ item.qty.toFixed(2) }}"));
    }

    [Fact]
    public void InvalidJavaScript_InASetting_NamesTheNodeAndSetting()
    {
        var scope = new ExpressionScope(JsonSerializer.SerializeToElement(new { }), new Dictionary<string, JsonElement>(), default, new Dictionary<string, string>());

        var error = Assert.Throws<ExpressionException>(() => Evaluator.Evaluate("{{ item.qty.toFixed( }}", scope, "Send", "body"));

        Assert.StartsWith("'Send' › body: {{ item.qty.toFixed( }} is not valid JavaScript: ", error.Message, StringComparison.Ordinal);
    }
}
