using System.Text.Json;
using FlowDesigner.Engine.Expressions;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Engine.Tests;

/// <summary>A node's settings are read once and resolved for each step: nested values keep their order and paths.</summary>
public sealed class SettingResolutionTests
{
    private static readonly ExpressionEvaluator Evaluator = new(new ExpressionLimits());

    private static readonly IReadOnlyDictionary<string, JsonElement> Settings = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""
        { "method": "POST",
          "url": "{{ env.sink }}orders/{{ item.sku }}",
          "body": { "fixed": [1, "two"], "sku": "{{ item.sku }}", "lines": ["a", "{{ item.qty * 2 }}", { "at": "{{ index }}" }] },
          "count": "{{ item.qty }}" }
        """)!;

    [Fact]
    public void NestedValues_AreResolved_InTheirOrder_AndEachStepSeesItsOwnScope()
    {
        var first = Json(Evaluator.Resolve(Settings, Scope("CHAIR", 2, 0), "Send"));
        var second = Json(Evaluator.Resolve(Settings, Scope("DESK", 5, 1), "Send"));

        Assert.Equal("""{"method":"POST","url":"http://sink/orders/CHAIR","body":{"fixed":[1,"two"],"sku":"CHAIR","lines":["a",4,{"at":0}]},"count":2}""", first);
        Assert.Equal("""{"method":"POST","url":"http://sink/orders/DESK","body":{"fixed":[1,"two"],"sku":"DESK","lines":["a",10,{"at":1}]},"count":5}""", second);
    }

    [Fact]
    public void SettingsWithoutExpressions_AreHandedBackAsTheyAre()
    {
        var settings = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""{ "method": "GET", "headers": { "Accept": "text/plain" } }""")!;

        Assert.Same(settings, Evaluator.Resolve(settings, Scope("CHAIR", 2, 0), "Fetch"));
    }

    [Fact]
    public void AFailingNestedExpression_IsNamedByItsPath()
    {
        var settings = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""{ "body": { "lines": ["a", "{{ item.qty.toFixed( }}"] } }""")!;

        var error = Assert.Throws<ExpressionException>(() => Evaluator.Resolve(settings, Scope("CHAIR", 2, 0), "Send"));

        Assert.StartsWith("'Send' › body.lines[1]:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonSettingWrittenAsText_PutsInAValueAsItsJson_AndATextInsideQuotesEscaped()
    {
        var type = new NodeTypeDescriptor("test.respond", "Respond", NodeKind.Action, "Test") { Properties = [Property.Json("body", "Body")] };
        var settings = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""
            { "body": "{ \"ok\": true, \"qty\": {{ item.qty }}, \"item\": {{ item }}, \"note\": \"Sold {{ item.sku }} as {{ '\"best\"' }}\" }" }
            """)!;

        var resolved = Evaluator.Resolve(settings, Scope("CHAIR", 2, 0), "Respond", type);

        Assert.Equal("""{"ok":true,"qty":2,"item":{"sku":"CHAIR","qty":2},"note":"SoldCHAIRas\"best\""}""", resolved["body"].GetRawText().Replace(" ", ""));
        Assert.Equal("Sold CHAIR as \"best\"", resolved["body"].GetProperty("note").GetString());
    }

    [Fact]
    public void JsonSettingOfAnotherType_IsText()
    {
        var settings = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""{ "body": "{ \"qty\": {{ item.qty }} }" }""")!;

        var resolved = Evaluator.Resolve(settings, Scope("CHAIR", 2, 0), "Send");

        Assert.Equal("{ \"qty\": 2 }", resolved["body"].GetString());
    }

    private static string Json(IReadOnlyDictionary<string, JsonElement> settings) => JsonSerializer.Serialize(settings);

    private static ExpressionScope Scope(string sku, int qty, int index) => new(
        JsonSerializer.SerializeToElement(new { }),
        new Dictionary<string, JsonElement>(),
        JsonSerializer.SerializeToElement(new { id = "run-1" }),
        new Dictionary<string, string> { ["sink"] = "http://sink/" })
    {
        Item = JsonSerializer.SerializeToElement(new { sku, qty }),
        Index = index,
    };
}
