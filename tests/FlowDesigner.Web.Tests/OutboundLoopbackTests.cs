using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence;
using FlowDesigner.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Web.Tests;

/// <summary>A product whose Outbound:AllowedNetworks leaves loopback out: a host name that resolves to it is refused too.</summary>
public sealed class OutboundLoopbackTests : IAsyncLifetime
{
    private readonly FlowDesignerHost _host = new() { AllowLoopback = false };
    private HttpSink _sink = default!;

    public async Task InitializeAsync() => _sink = await HttpSink.StartAsync();

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _sink.DisposeAsync();
    }

    [Fact]
    public async Task AStep_CannotReachLoopbackByName_WhenAllowedNetworksLeavesItOut()
    {
        _host.Start();
        var workflows = _host.Services.GetRequiredService<WorkflowService>();
        var imported = await workflows.ImportAsync($$"""
            { "schema": 1, "name": "Internal", "nodes": [
              { "id": "start", "type": "core.manual", "name": "Start", "config": {} },
              { "id": "call", "type": "http.request", "name": "Call", "config": { "method": "GET", "url": "http://localhost:{{_sink.Address.Port}}/admin" } } ],
              "edges": [ { "from": "start", "port": "out", "to": "call" } ] }
            """, TestActors.Analyst, default);
        var workflowId = imported.Workflow!.Id;
        await _host.Services.GetRequiredService<PublishService>().PublishAsync(workflowId, null, TestActors.Analyst, default);

        var runId = await _host.Services.GetRequiredService<RunCommands>().StartAsync(workflowId, System.Text.Json.JsonSerializer.SerializeToElement(new { }), TestActors.Analyst, default);

        var error = await WaitForErrorAsync(runId!.Value);
        Assert.Contains("The outbound guard refused localhost (", error);
        Assert.Contains("Outbound:AllowedNetworks", error);
        Assert.Empty(_sink.Requests);
    }

    private async Task<string> WaitForErrorAsync(Guid runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using (var db = _host.Services.GetRequiredService<IDbContextFactory<FlowDbContext>>().CreateDbContext())
            {
                if (await db.StepRuns.FirstOrDefaultAsync(s => s.RunId == runId && s.NodeId == "call" && s.Status == StepStatus.Failed) is { } step)
                {
                    return step.Error!;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "The step did not fail within 30 s.");
            await Task.Delay(100);
        }
    }
}
