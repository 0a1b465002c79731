using FlowDesigner.Engine.Retention;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Retention;
using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence;
using FlowDesigner.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FlowDesigner.Engine.Tests;

/// <summary>Retention on a real SQLite file with real workers: what is pruned, what survives, and the file given back.</summary>
public class RetentionTests(ITestOutputHelper output) : EngineTestBase
{
    /// <summary>How many orders the pruning test sends: fewer on PostgreSQL, whose writes each take a round trip of their own.</summary>
    private int Runs => Provider == StorageProvider.Sqlite ? 10_000 : 2_000;

    /// <summary>hook → wait for an hour when the order says so, else keep the order.</summary>
    private const string Orders = """
        { "schema": 1, "name": "Orders", "nodes": [
          { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "orders" } },
          { "id": "wait", "type": "core.condition", "name": "Must wait", "config": { "condition": "{{ trigger.body.wait === true }}" } },
          { "id": "delay", "type": "core.delay", "name": "An hour", "config": { "mode": "duration", "seconds": 3600 } },
          { "id": "keep", "type": "core.set", "name": "Keep", "config": { "fields": { "order": "{{ trigger.body.order }}", "note": "{{ trigger.body.note }}" } } } ],
          "edges": [ { "from": "hook", "port": "out", "to": "wait" }, { "from": "wait", "port": "true", "to": "delay" }, { "from": "wait", "port": "false", "to": "keep" } ] }
        """;

    /// <summary>hook → create (a call that succeeds) → ship (a call that fails until the sink is mended).</summary>
    private const string Shipping = """
        { "schema": 1, "name": "Shipping", "nodes": [
          { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "shipping" } },
          { "id": "create", "type": "http.request", "name": "Create order", "config": { "url": "{{ env.sink }}create", "method": "POST", "body": "{{ trigger.body }}" }, "retry": { "maxAttempts": 1 } },
          { "id": "ship", "type": "http.request", "name": "Ship", "config": { "url": "{{ env.sink }}ship" }, "retry": { "maxAttempts": 1 } } ],
          "edges": [ { "from": "hook", "port": "out", "to": "create" }, { "from": "create", "port": "out", "to": "ship" } ] }
        """;

    [Fact]
    public async Task PruningThousandsOfRuns_ShrinksTheFile_KeepsTheRunInFlight_AndARetryWhoseOriginalIsPrunedReadsWhole()
    {
        var broken = true;
        Sink.On("/ship", (context, _) => { context.Response.StatusCode = broken ? 503 : 200; return Task.CompletedTask; });
        await Driver.PublishAsync(Orders);
        await Driver.PublishAsync(Shipping);
        var note = new string('x', 1500);
        var waiting = EngineDriver.RunIdOf(await Driver.PostAsync("orders", new { order = 0, wait = true }));
        var failed = await Driver.WaitForRunAsync(EngineDriver.RunIdOf(await Driver.PostAsync("shipping", new { order = 1042, note })));
        broken = false;
        var retry = await Driver.WaitForRunAsync((await Services.Get<RunMending>().RetryAsync(failed.Run.Id, TestActors.Operator, default)).RunId!.Value);
        await Parallel.ForEachAsync(Enumerable.Range(1, Runs), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            await Driver.PostAsync("orders", new { order = i, wait = false, note }));
        var last = await Driver.WaitForRunAsync(EngineDriver.RunIdOf(await Driver.PostAsync("orders", new { order = Runs + 1, wait = false, note })));
        await WaitUntilEndedAsync(Runs + 1);
        var store = Services.Get<IRetentionStore>();
        await store.SaveRuleAsync(null, new RetentionRule(MaxAgeDays: null, MaxRuns: 1), TestActors.Admin, default);
        await store.CheckpointAsync(default);
        var before = await store.GetStorageAsync(default);

        var result = await Services.Get<HistoryPruner>().PruneAsync(null, default);

        var after = await store.GetStorageAsync(default);
        output.WriteLine($"Before: {before.FileBytes:N0} bytes, {before.Runs:N0} runs, {before.Events:N0} events. After: {after.FileBytes:N0} bytes, {after.Runs:N0} runs, {after.Events:N0} events.");
        Assert.NotNull(result);
        Assert.True(Runs + 1 == result.Runs, $"pruned {result.Runs}, events {result.Events}, storage after {await store.GetStorageAsync(default)}"); // every ended order but the newest, and the failed shipment its retry mended
        if (Provider == StorageProvider.Sqlite)
        {
            // PostgreSQL keeps the space of deleted rows for new ones (its autovacuum): its database does not shrink.
            Assert.True(after.FileBytes < before.FileBytes / 4, $"The file went from {before.FileBytes:N0} to {after.FileBytes:N0} bytes.");
            Assert.Equal(0, after.LogBytes);
        }

        Assert.Equal((3, 3), (after.Runs, after.Events)); // the waiting order, the newest order, the retry (on its original's event)

        var runs = Services.Get<IRunStore>();
        Assert.Equal(RunStatus.Running, (await runs.FindRunAsync(waiting, default))!.Status); // its delay waits
        Assert.Null(await runs.FindRunAsync(failed.Run.Id, default));
        Assert.NotNull(await runs.FindRunAsync(last.Run.Id, default));
        var reread = (await runs.GetSnapshotAsync(retry.Run.Id, default))!;
        Assert.Equal(
            retry.Steps.Select(s => (s.NodeId, s.Status, s.InputJson, s.OutputJson)),
            reread.Steps.Select(s => (s.NodeId, s.Status, s.InputJson, s.OutputJson)));
        Assert.Contains(note, reread.Steps.Single(s => s.NodeId == "create").InputJson);
        Assert.Contains(note, reread.Steps.Single(s => s.NodeId == "hook").OutputJson);

        // What the lists count from follows: the rollups hold the runs that are left.
        await using var db = Services.OpenDatabase();
        Assert.Equal(2, await db.RunRollups.SumAsync(r => r.Succeeded + r.Failed + r.Cancelled));
    }

    [Fact]
    public async Task AWorkflowsOwnRule_OverridesTheGlobalOne_AndNoRuleKeepsEverything()
    {
        var orders = await Driver.PublishAsync(Orders);
        for (var i = 0; i < 5; i++)
        {
            await Driver.WaitForRunAsync(EngineDriver.RunIdOf(await Driver.PostAsync("orders", new { order = i })));
        }

        var store = Services.Get<IRetentionStore>();
        await store.SaveRuleAsync(null, new RetentionRule(null, null), TestActors.Admin, default);
        Assert.Equal(0, (await Services.Get<HistoryPruner>().PruneAsync(null, default))!.Runs);

        await store.SaveRuleAsync(orders, new RetentionRule(null, 2), TestActors.Admin, default);
        Assert.Equal(3, (await Services.Get<HistoryPruner>().PruneAsync(null, default))!.Runs);
        Assert.Equal(2, (await Services.Get<IRunStore>().ListRunsAsync(orders, 0, 10, default)).Count);
        Assert.Equal(new RetentionRule(null, 2), (await store.GetSettingsAsync(default)).For(orders));
    }

    private async Task WaitUntilEndedAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        await using var db = Services.OpenDatabase();
        while (await db.Runs.CountAsync(r => r.Status == RunStatus.Succeeded) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "The orders did not all end within 60 s.");
            await Task.Delay(200);
        }
    }
}
