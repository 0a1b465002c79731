using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FlowDesigner.Engine.Expressions;

namespace FlowDesigner.Benchmarks.Micro;

/// <summary>Resolving a node's whole configuration, as a step does before it runs.</summary>
[MemoryDiagnoser]
public class ResolveConfigBenchmarks
{
    private readonly ExpressionEvaluator _evaluator = new(new ExpressionLimits());
    private ExpressionScope _scope = default!;
    private IReadOnlyDictionary<string, JsonElement> _config = default!;

    [GlobalSetup]
    public void Setup()
    {
        _scope = MicroData.Scope();
        _config = MicroData.Plan().Nodes["map"].Config;
    }

    [Benchmark]
    public IReadOnlyDictionary<string, JsonElement> MapOrderNode() => _evaluator.Resolve(_config, _scope, "Map order");
}
