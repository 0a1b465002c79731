using System.Text.Json;
using FlowDesigner.Engine.Expressions;

namespace FlowDesigner.Engine.Tests;

/// <summary>Plain paths are read without the script engine; they must answer exactly as the engine does.</summary>
public sealed class ExpressionPathTests
{
    private static readonly ExpressionEvaluator Evaluator = new(new ExpressionLimits());

    private static readonly ExpressionScope Scope = new(
        JsonSerializer.SerializeToElement(new { body = new { order = new { id = "000123", total = 12.50, count = 3, paid = true, note = (string?)null, items = new[] { new { sku = "A" }, new { sku = "B" } }, none = Array.Empty<int>(), mixed = new object?[] { new { sku = "A" }, null, "text" } } } }),
        new Dictionary<string, JsonElement> { ["Map order"] = JsonSerializer.SerializeToElement(new { orderId = "000123", lines = new[] { 1, 2 } }) },
        JsonSerializer.SerializeToElement(new { id = "run-1" }),
        new Dictionary<string, string> { ["sink"] = "http://sink/" })
    {
        Item = JsonSerializer.SerializeToElement(new { sku = "CHAIR", qty = 2 }),
        Index = 1,
    };

    [Theory]
    [InlineData("trigger.body.order.id")]
    [InlineData("trigger.body.order.total")]
    [InlineData("trigger.body.order.count")]
    [InlineData("trigger.body.order.paid")]
    [InlineData("trigger.body.order.note")]
    [InlineData("trigger.body.order.missing")]
    [InlineData("trigger.body.order.items")]
    [InlineData("trigger.body.order.items[1].sku")]
    [InlineData("trigger.body.order.items[5]")]
    [InlineData("trigger.body.order.items.length")]
    [InlineData("steps['Map order'].orderId")]
    [InlineData("steps[\"Map order\"].lines")]
    [InlineData("steps['Nobody']")]
    [InlineData("item.sku")]
    [InlineData("item.qty")]
    [InlineData("index")]
    [InlineData("env.sink")]
    [InlineData("env.unknown")]
    [InlineData("run.id")]
    [InlineData("item.sku === 'CHAIR'")]
    [InlineData("item.sku !== \"CHAIR\"")]
    [InlineData("item.qty === 2")]
    [InlineData("item.qty === -2")]
    [InlineData("trigger.body.order.paid === true")]
    [InlineData("trigger.body.order.note === null")]
    [InlineData("trigger.body.order.missing === null")]
    [InlineData("trigger.body.order.total === 12")]
    [InlineData("trigger.body.order.items.some(i => i.sku === 'B')")]
    [InlineData("trigger.body.order.items.some(i => i.sku === 'C')")]
    [InlineData("trigger.body.order.items.every(i => i.sku !== 'C')")]
    [InlineData("trigger.body.order.items.every((i) => i.sku === 'A')")]
    [InlineData("trigger.body.order.items.some(item => item.sku === 'A')")]
    [InlineData("trigger.body.order.items.some(trigger => trigger.sku === 'B')")]
    [InlineData("trigger.body.order.items.some(i => i.missing === null)")]
    [InlineData("trigger.body.order.none.some(n => n === 1)")]
    [InlineData("trigger.body.order.none.every(n => n === 1)")]
    [InlineData("steps['Map order'].lines.some(n => n === 2)")]
    [InlineData("steps['Map order'].lines.every(n => n === 2)")]
    [InlineData("steps['Map order'].lines.some(n => n.x === 1)")]
    [InlineData("trigger.body.order.mixed.some(m => m.sku === 'A')")]
    [InlineData("trigger.body.order.mixed.some(m => m === 'text')")]
    [InlineData("trigger.body.order.items.some(longname => 1)")]
    [InlineData("({ sku: item.sku, quantity: item.qty })")]
    [InlineData("({ 'order id': steps['Map order'].orderId, lines: steps['Map order'].lines, gone: item.nothing })")]
    [InlineData("({ b: item.sku, a: item.qty, })")]
    [InlineData("({ 2: item.sku, a: item.qty })")]
    [InlineData("({ __proto__: item.sku })")]
    public void PathsRead_AsTheScriptEngineReadsThem(string path)
    {
        // Wrapped in parentheses, the same expression goes through the script engine.
        var typed = Evaluator.Evaluate($"{{{{ {path} }}}}", Scope, "Node", "field");
        var engine = Evaluator.Evaluate($"{{{{ ({path}) }}}}", Scope, "Node", "field");
        Assert.Equal(engine.GetRawText(), JsonSerializer.Serialize(typed));

        var text = Evaluator.Evaluate($"value: {{{{ {path} }}}}", Scope, "Node", "field");
        var engineText = Evaluator.Evaluate($"value: {{{{ ({path}) }}}}", Scope, "Node", "field");
        Assert.Equal(engineText.GetString(), text.GetString());
    }

    [Theory]
    [InlineData("JSON.stringify(trigger)")]
    [InlineData("Object.keys(trigger.body).join(',')")]
    [InlineData("trigger.body.twice")]
    [InlineData("Object.getPrototypeOf(trigger.body) === Object.prototype && trigger.body.__proto__.x === 1")]
    [InlineData("1 / trigger.body.negativeZero")]
    [InlineData("[trigger.body.big, trigger.body.small, trigger.body.exponent, trigger.body.fraction].join('|')")]
    [InlineData("Array.isArray(trigger.body.list) && trigger.body.list.length")]
    [InlineData("trigger.body.text")]
    public void JsonReachesScripts_AsJsonParseWouldBuildIt(string expression)
    {
        const string raw = """
            {"body":{"z":1,"a":2,"twice":"first","__proto__":{"x":1},"twice":"last","negativeZero":-0,
             "big":12345678901234567890,"small":-5,"exponent":1.5e3,"fraction":0.1,"list":[1,"two",null,true,{"k":[]}],
             "text":"tab\tquote\"é\u00e9😀 back\\slash"}}
            """;
        var scope = new ExpressionScope(
            JsonDocument.Parse(raw).RootElement, new Dictionary<string, JsonElement>(), Scope.Run, new Dictionary<string, string> { ["raw"] = raw });

        var walked = Evaluator.Evaluate($"{{{{ {expression} }}}}", scope, "Node", "field");
        var parsed = Evaluator.Evaluate($"{{{{ (() => {{ const trigger = JSON.parse(env.raw); return {expression}; }})() }}}}", scope, "Node", "field");

        Assert.True(JsonElement.DeepEquals(parsed, walked), $"JSON.parse gave {parsed.GetRawText()}, the walk gave {walked.GetRawText()}");
    }

    [Theory]
    [InlineData("trigger.body.nothing.here")]
    [InlineData("trigger.body.order.missing.some(i => i.sku === 'A')")]
    [InlineData("trigger.body.order.id.some(i => i === 'A')")]
    [InlineData("trigger.body.order.mixed.every(m => m.sku === 'A')")]
    public void APathThroughSomethingMissing_FailsAsTheScriptEngineDoes(string expression)
    {
        var error = Assert.Throws<ExpressionException>(() => Evaluator.Evaluate($"{{{{ {expression} }}}}", Scope, "Node", "field"));

        Assert.Contains("'Node' › field", error.Message);
    }

    [Theory]
    [InlineData("trigger.body.order.items.some(i => i.sku === 'B')", true)]
    [InlineData("trigger.body.order.items.every(i => i.sku === 'A')", true)]
    [InlineData("trigger.body.order.mixed.some(m => m.sku === 'A')", true)]
    [InlineData("trigger.body.order.none.every(n => n === 1)", true)]
    [InlineData("steps['Map order'].lines.some(n => n.x === 1)", false)]
    [InlineData("trigger.body.order.mixed.every(m => m.sku === 'A')", false)]
    [InlineData("trigger.body.order.items.some(i => i.sku === item.sku)", false)]
    [InlineData("trigger.body.order.items.some(i => j.sku === 'A')", false)]
    [InlineData("trigger.body.order.items.some(i => i.sku.startsWith('A'))", false)]
    [InlineData("trigger.body.order.items.filter(i => i.sku === 'A')", false)]
    [InlineData("trigger.body.order.items.some(longname => 1)", false)]
    public void ArrayTests_AreAnsweredWithoutTheEngine_OnlyWhereTheJsonDecides(string expression, bool withoutEngine)
    {
        Assert.Equal(withoutEngine, PathExpression.TryReadAny(expression, Scope, out _));
    }
}
