using BenchmarkDotNet.Attributes;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Testing;

namespace FlowDesigner.Benchmarks.Micro;

/// <summary>
/// Writing a run's history on a real SQLite file, as the hot path does: the accepted run with its trigger step
/// (committed durably), then one advance of sixteen step rows that ends the run.
/// </summary>
[MemoryDiagnoser]
public class StepWriteBenchmarks
{
    private TestServices _services = default!;
    private IRunStore _runs = default!;
    private VersionRecord _version = default!;

    [GlobalSetup]
    public void Setup()
    {
        _services = TestServices.StartAsync().GetAwaiter().GetResult();
        _runs = _services.Get<IRunStore>();
        var workflowId = new EngineDriver(_services).PublishAsync(ReferenceOrder.Workflow()).GetAwaiter().GetResult();
        _version = _services.Get<IVersionStore>().FindActiveAsync(workflowId, default).GetAwaiter().GetResult()!;
    }

    [GlobalCleanup]
    public void Cleanup() => _services.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task StartAndFinishARunOf17Steps()
    {
        var now = DateTime.UtcNow;
        var run = new NewRun(_version.WorkflowId, _version.Id, "hook", RunCause.Webhook, "bench", "bench", """{"order":1}""", Guid.NewGuid(), null);
        var start = await _runs.StartRunAsync(run, now, default);
        var steps = Enumerable.Range(0, 16)
            .Select(i => new StepRecord(-1 - i, start.RunId, $"node{i}", "", 1, StepStatus.Succeeded, """{"x":1}""", """{"orderId":"1"}""", "out", null, null, now, now))
            .ToList();
        await _runs.CommitAsync(start.RunId, new RunChanges(steps, [], new RunEnd(RunStatus.Succeeded, "{}", null)), now, default);
    }
}
