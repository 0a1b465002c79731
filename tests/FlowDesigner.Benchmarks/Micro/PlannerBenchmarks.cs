using BenchmarkDotNet.Attributes;
using FlowDesigner.Engine.Runtime;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Benchmarks.Micro;

/// <summary>Planning the next steps of a reference run halfway through its for-each.</summary>
[MemoryDiagnoser]
public class PlannerBenchmarks
{
    private WorkflowPlan _plan = default!;
    private IReadOnlyList<StepRecord> _steps = default!;

    [GlobalSetup]
    public void Setup()
    {
        _plan = MicroData.Plan();
        _steps = MicroData.HalfwaySteps();
    }

    [Benchmark]
    public RunDecision PlanNextSteps() => RunPlanner.Plan(_plan, _steps);
}
