using FlowDesigner.Engine.Runtime;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Testing;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Engine.Tests;

/// <summary>Runs have holders: only a live holder advances a run, and the runs of a node gone silent are taken over.</summary>
public class RunHolderTests : EngineTestBase
{
    private const string Orphan = """
        { "schema": 1, "name": "Orphan", "nodes": [
          { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "orphan" } },
          { "id": "call", "type": "http.request", "name": "Call", "config": { "method": "GET", "url": "{{ env.sink }}orphan" } } ],
          "edges": [ { "from": "hook", "port": "out", "to": "call" } ] }
        """;

    [Theory]
    [InlineData(-60, true)]
    [InlineData(0, false)]
    public async Task AcceptedRunOfAnotherNode_IsTakenOver_OnlyWhenThatNodeStoppedBeating(int heartbeatSecondsAgo, bool takenOver)
    {
        var workflowId = await Driver.PublishAsync(Orphan);
        var version = (await Services.Get<IVersionStore>().FindActiveAsync(workflowId, default))!;
        var runs = Services.Get<IRunStore>();
        var other = Guid.NewGuid();
        var now = DateTime.UtcNow;
        await runs.BeatAsync(other, "other", now.AddSeconds(heartbeatSecondsAgo), default);

        // As a node that accepted the event and then crashed (or is still busy with it) leaves it: committed, its own.
        var start = await runs.StartRunAsync(
            new NewRun(workflowId, version.Id, "hook", RunCause.Webhook, "webhook", "test", "{}", Guid.NewGuid(), null) { Holder = other }, now, default);
        var taken = await Services.Get<NodeHeartbeat>().BeatAsync(default);

        if (takenOver)
        {
            // Taken by that beat, or by the node's own periodic one just before it.
            var run = await Driver.WaitForRunAsync(start.RunId);
            Assert.Equal(RunStatus.Succeeded, run.Run.Status);
            Assert.Single(Sink.To("/orphan"));
        }
        else
        {
            Assert.Equal(0, taken);
            await Task.Delay(500);
            Assert.Equal(RunStatus.Pending, (await runs.FindRunAsync(start.RunId, default))!.Status);
            Assert.Empty(Sink.To("/orphan"));
        }
    }

    [Fact]
    public async Task AdvanceOfARunHeldByALiveNode_IsRefused_AndWritesNothing()
    {
        var workflowId = await Driver.PublishAsync(Orphan);
        var version = (await Services.Get<IVersionStore>().FindActiveAsync(workflowId, default))!;
        var runs = Services.Get<IRunStore>();
        var holder = Guid.NewGuid();
        var now = DateTime.UtcNow;
        await runs.BeatAsync(holder, "holder", now, default);
        var start = await runs.StartRunAsync(
            new NewRun(workflowId, version.Id, "hook", RunCause.Webhook, "webhook", "test", "{}", Guid.NewGuid(), null) { Holder = holder }, now, default);

        await Services.Get<RunAdvancer>().AdvanceAsync(start.RunId, default);

        var run = (await runs.GetSnapshotAsync(start.RunId, default))!;
        Assert.Equal(RunStatus.Pending, run.Run.Status);
        Assert.Single(run.Steps);
        Assert.Empty(Sink.To("/orphan"));
    }

    [Fact]
    public async Task TwoEnginesOnOneStore_NeverTakeALiveHoldersRuns_AndEachRunEndsOnce()
    {
        Sink.On("/slow", async (context, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await context.Response.WriteAsJsonAsync(new { ok = true });
        });
        var workflowId = await Driver.PublishAsync("""
            { "schema": 1, "name": "Slow", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "slow", "respond": "immediately" } },
              { "id": "call", "type": "http.request", "name": "Call", "config": { "method": "GET", "url": "{{ env.sink }}slow" } },
              { "id": "after", "type": "http.request", "name": "After", "config": { "method": "GET", "url": "{{ env.sink }}after" } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "call" }, { "from": "call", "port": "out", "to": "after" } ] }
            """);
        await using var second = await StartServicesAsync(Services.Storage);
        var runIds = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            runIds.Add(EngineDriver.RunIdOf(await Driver.PostAsync("slow", new { order = i })));
        }

        // While the first engine is midway through every run, the second looks for runs to take, again and again.
        var takenBySecond = 0;
        await FlowControlTests.WaitUntilAsync(async () =>
        {
            takenBySecond += await second.Get<NodeHeartbeat>().BeatAsync(default);
            return Sink.To("/slow").Count == runIds.Count;
        });

        foreach (var runId in runIds)
        {
            var run = await Driver.WaitForRunAsync(runId);
            Assert.Equal(RunStatus.Succeeded, run.Run.Status);
            Assert.All(new[] { "hook", "call", "after" }, id => Assert.Single(Attempts(run, id)));
        }

        Assert.Equal(0, takenBySecond);
        Assert.Equal(runIds.Count, Sink.To("/slow").Select(r => r.IdempotencyKey).Distinct().Count());
        Assert.Equal(runIds.Count, Sink.To("/slow").Count);
        Assert.Equal(runIds.Count, Sink.To("/after").Count);
    }
}
