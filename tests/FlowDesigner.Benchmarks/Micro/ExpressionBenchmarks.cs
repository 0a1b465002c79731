using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FlowDesigner.Engine.Expressions;

namespace FlowDesigner.Benchmarks.Micro;

/// <summary>Evaluating cached expressions: a simple path, and an object literal built from the scope.</summary>
[MemoryDiagnoser]
public class ExpressionBenchmarks
{
    private readonly ExpressionEvaluator _evaluator = new(new ExpressionLimits());
    private ExpressionScope _scope = default!;

    [GlobalSetup]
    public void Setup() => _scope = MicroData.Scope();

    [Benchmark]
    public JsonElement SimplePath() => _evaluator.Evaluate("{{ trigger.body.order.increment_id }}", _scope, "Map order", "orderId");

    [Benchmark]
    public JsonElement ObjectLiteral() => _evaluator.Evaluate("{{ ({ sku: item.sku, quantity: item.qty }) }}", _scope with { Item = MicroData.Line, Index = 0 }, "Send", "body");
}
