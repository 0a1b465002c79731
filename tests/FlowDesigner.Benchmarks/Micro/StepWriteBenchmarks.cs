using BenchmarkDotNet.Attributes;
using FlowDesigner.Model.Runs;
using FlowDesigner.Testing;

namespace FlowDesigner.Benchmarks.Micro;

/// <summary>Writing a step row and recording its outcome, on a real SQLite file.</summary>
[MemoryDiagnoser]
public class StepWriteBenchmarks
{
    private TestServices _services = default!;
    private IRunStore _runs = default!;
    private Guid _runId;
    private int _attempt;

    [GlobalSetup]
    public void Setup()
    {
        _services = TestServices.StartAsync().GetAwaiter().GetResult();
        _runs = _services.Get<IRunStore>();
        var driver = new EngineDriver(_services);
        var workflowId = driver.PublishAsync(ReferenceOrder.Workflow()).GetAwaiter().GetResult();
        var version = _services.Get<FlowDesigner.Model.Stores.IVersionStore>().FindActiveAsync(workflowId, default).GetAwaiter().GetResult()!;
        _runId = _runs.StartRunAsync(new NewRun(workflowId, version.Id, "hook", RunCause.Manual, "bench", "bench", "{}", Guid.NewGuid(), null), DateTime.UtcNow, default)
            .GetAwaiter().GetResult().RunId;
    }

    [GlobalCleanup]
    public void Cleanup() => _services.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task AddClaimAndFinishStep()
    {
        var added = await _runs.AddStepsAsync(_runId, [new NewStep("map", "", ++_attempt, StepStatus.Pending)], DateTime.UtcNow, default);
        await _runs.ClaimStepAsync(added[0].Id, DateTime.UtcNow, default);
        await _runs.FinishStepAsync(added[0].Id, new StepOutcome(StepStatus.Succeeded, "{}", "{\"orderId\":\"1\"}", "out", null), DateTime.UtcNow, default);
    }
}
