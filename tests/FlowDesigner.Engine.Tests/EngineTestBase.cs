using FlowDesigner.Model.Runs;
using FlowDesigner.Engine.Runtime;
using FlowDesigner.Persistence;
using FlowDesigner.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Engine.Tests;

/// <summary>
/// A host with real Hangfire workers on a real SQLite file (or, in a class that says so, its own PostgreSQL database),
/// and a real HTTP sink on loopback.
/// </summary>
public abstract class EngineTestBase : IAsyncLifetime
{
    protected TestServices Services { get; private set; } = default!;

    protected HttpSink Sink { get; private set; } = default!;

    protected EngineDriver Driver { get; private set; } = default!;

    /// <summary>The database the class's hosts use: SQLite, unless a class for PostgreSQL says otherwise.</summary>
    protected virtual StorageProvider Provider => StorageProvider.Sqlite;

    public async Task InitializeAsync()
    {
        Sink = await HttpSink.StartAsync();
        Services = await StartServicesAsync();
        Driver = new EngineDriver(Services);
    }

    public async Task DisposeAsync()
    {
        await Sink.DisposeAsync();
        await Services.DisposeAsync();
    }

    /// <summary>A host whose expressions see the sink's address as <c>env.sink</c>; on the storage of an earlier one to restart.</summary>
    protected Task<TestServices> StartServicesAsync(StorageOptions? storage = null) =>
        TestServices.StartAsync(
            jobs: true,
            configure: s => s.AddSingleton(new EngineOptions
            {
                Env = new() { ["sink"] = Sink.Address.ToString() },
                RecoveryIntervalSeconds = 3600,
            }),
            provider: Provider,
            storage: storage);

    protected async Task<RunSnapshot> LatestRunAsync(Guid workflowId)
    {
        var runs = await Services.Get<IRunStore>().ListRunsAsync(workflowId, 0, 1, default);
        return await Driver.WaitForRunAsync(Assert.Single(runs).Id);
    }

    protected static IReadOnlyList<StepRecord> Attempts(RunSnapshot run, string nodeId) =>
        run.Steps.Where(s => s.NodeId == nodeId).OrderBy(s => s.Attempt).ToList();
}
