using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlowDesigner.Benchmarks;
using FlowDesigner.Model.Runs;
using FlowDesigner.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace FlowDesigner.E2E.Tests;

/// <summary>The real web host as a process of its own, killed without warning while it accepts events.</summary>
public sealed class CrashRecoveryTests
{
    private static readonly Dictionary<string, string> QuickRecovery = new()
    {
        ["Engine__HeartbeatSeconds"] = "1",
        ["Engine__RecoveryIntervalSeconds"] = "1",
    };

    [Fact]
    public async Task EveryAcceptedEvent_RunsToTheEndWithItsHistory_AfterTheProcessIsKilledUnderLoad()
    {
        await using var sink = await HttpSink.StartAsync();
        foreach (var system in new[] { "/servicenow/incident", "/netsuite/salesorder" })
        {
            // Slow systems, so that many runs are midway when the process dies.
            sink.On(system, async (context, _) =>
            {
                await Task.Delay(50);
                await context.Response.WriteAsJsonAsync(new { ok = true });
            });
        }

        var folder = Directory.CreateTempSubdirectory("flowdesigner-crash-").FullName;
        var accepted = new ConcurrentBag<Guid>();
        await using (var first = await ProductProcess.StartAsync(RepositoryPaths.Configuration, sink.Address, folder, QuickRecovery))
        {
            using var http = new HttpClient();
            await first.ImportAndPublishAsync(ReferenceOrder.Workflow(respond: "immediately"));
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, 8).Select(client => PostUntilStoppedAsync(http, new Uri(first.Address, "hooks/orders"), client, accepted, stop.Token)).ToList();
            await Deadline.WaitUntilAsync(() => Task.FromResult(accepted.Count >= 300), TimeSpan.FromSeconds(60));

            await first.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
            Assert.True(await HistoryCheck.CountUnfinishedAsync(first.DatabasePath) > 0, "No run was midway when the process was killed.");
        }

        await using var second = await ProductProcess.StartAsync(RepositoryPaths.Configuration, sink.Address, folder, QuickRecovery);
        await Deadline.WaitUntilAsync(async () => await HistoryCheck.CountUnfinishedAsync(second.DatabasePath) == 0, TimeSpan.FromSeconds(60));

        var history = await HistoryCheck.ReadAsync(second.DatabasePath, ReferenceOrder.StepsPerRun(3));
        Assert.True(history.Complete, $"{history}");
        var succeeded = await SucceededRunsAsync(second.DatabasePath);
        Assert.All(accepted, runId => Assert.Contains(runId, succeeded));
        Assert.Equal(0, await HistoryCheck.CountRollupMismatchesAsync(second.DatabasePath)); // the counts the lists show, kept through the crash

        // Each line of each run reached its system at least once; a repeat carries the same idempotency key.
        Assert.Equal(history.Runs * 3, sink.Requests.Select(r => r.IdempotencyKey).Distinct().Count());
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task RunsInFlightAtACrash_FinishWithin30SecondsOfTheRestart_OnDefaultSettings_AndNoFinishedStepRunsAgain()
    {
        await using var sink = await HttpSink.StartAsync();
        sink.On("/first", (context, _) => AnswerAfterAsync(context, TimeSpan.FromSeconds(1.2)));
        sink.On("/slow", (context, _) => AnswerAfterAsync(context, TimeSpan.FromSeconds(3)));
        var folder = Directory.CreateTempSubdirectory("flowdesigner-crash-").FullName;
        var accepted = new List<Guid>();
        Dictionary<string, int> callsAtKill;
        HashSet<string> finishedAtKill;
        await using (var first = await ProductProcess.StartAsync(RepositoryPaths.Configuration, sink.Address, folder))
        {
            using var http = new HttpClient();
            await first.ImportAndPublishAsync(InFlightWorkflow);
            var posts = Enumerable.Range(0, 40).Select(i => http.PostAsJsonAsync(new Uri(first.Address, "hooks/inflight"), new { order = i }));
            foreach (var response in await Task.WhenAll(posts))
            {
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid());
            }

            // Every run has written its first step and waits on the slow system when the process dies.
            await Deadline.WaitUntilAsync(async () => (await FinishedStepsAsync(first.DatabasePath)).Count(k => k.Contains(":first:", StringComparison.Ordinal)) == 40, TimeSpan.FromSeconds(60));
            await first.KillAsync();
            callsAtKill = sink.CallsByKey();
            finishedAtKill = await FinishedStepsAsync(first.DatabasePath);
            Assert.Equal(40, await HistoryCheck.CountUnfinishedAsync(first.DatabasePath));
        }

        var restarted = DateTime.UtcNow;
        await using var second = await ProductProcess.StartAsync(RepositoryPaths.Configuration, sink.Address, folder);
        await Deadline.WaitUntilAsync(async () => await HistoryCheck.CountUnfinishedAsync(second.DatabasePath) == 0, restarted.AddSeconds(30) - DateTime.UtcNow);

        var succeeded = await SucceededRunsAsync(second.DatabasePath);
        Assert.All(accepted, runId => Assert.Contains(runId, succeeded));
        var calls = sink.CallsByKey();
        Assert.All(finishedAtKill, key => Assert.Equal(callsAtKill.GetValueOrDefault(key), calls.GetValueOrDefault(key)));
        Assert.All(finishedAtKill, key => Assert.Equal(1, calls.GetValueOrDefault(key)));

        // No run completes twice: each reached the last system once, and has one finished attempt per node.
        Assert.Equal(accepted.Count, sink.To("/last").Count);
        Assert.Equal(accepted.Count, sink.To("/last").Select(r => r.IdempotencyKey).Distinct().Count());
        var finished = await FinishedStepsAsync(second.DatabasePath);
        Assert.Equal(accepted.Count * 3, finished.Count);
        Directory.Delete(folder, recursive: true);
    }

    private const string InFlightWorkflow = """
        { "schema": 1, "name": "In flight", "nodes": [
          { "id": "hook", "type": "core.webhook", "name": "Order", "config": { "path": "inflight", "respond": "immediately" } },
          { "id": "first", "type": "http.request", "name": "First", "config": { "method": "POST", "url": "{{ env.sink }}first", "body": "{{ trigger.body }}" } },
          { "id": "slow", "type": "http.request", "name": "Slow", "config": { "method": "POST", "url": "{{ env.sink }}slow", "body": "{{ trigger.body }}" } },
          { "id": "last", "type": "http.request", "name": "Last", "config": { "method": "POST", "url": "{{ env.sink }}last", "body": "{{ trigger.body }}" } } ],
          "edges": [ { "from": "hook", "port": "out", "to": "first" }, { "from": "first", "port": "out", "to": "slow" }, { "from": "slow", "port": "out", "to": "last" } ] }
        """;

    private static async Task AnswerAfterAsync(HttpContext context, TimeSpan delay)
    {
        await Task.Delay(delay);
        await context.Response.WriteAsJsonAsync(new { ok = true });
    }

    /// <summary>The idempotency keys (run:node:scope) of the steps recorded as finished, trigger steps aside.</summary>
    private static async Task<HashSet<string>> FinishedStepsAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT RunId, NodeId, Scope FROM Steps WHERE Status = {(int)StepStatus.Succeeded} AND NodeId <> 'hook'";
        var keys = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add($"{new Guid((byte[])reader.GetValue(0), bigEndian: true)}:{reader.GetString(1)}:{reader.GetString(2)}");
        }

        return keys;
    }

    private static async Task PostUntilStoppedAsync(HttpClient http, Uri hook, int client, ConcurrentBag<Guid> accepted, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                var response = await http.PostAsJsonAsync(hook, ReferenceOrder.Order($"{client}-{i}", 3), stop);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("runId").GetGuid());
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
            {
                return; // the process is gone: what was not answered 202 was not accepted
            }
        }
    }

    private static async Task<HashSet<Guid>> SucceededRunsAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Id FROM Runs WHERE Status = {(int)RunStatus.Succeeded}";
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(new Guid((byte[])reader.GetValue(0), bigEndian: true));
        }

        return ids;
    }
}
