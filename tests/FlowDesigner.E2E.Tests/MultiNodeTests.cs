using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlowDesigner.Benchmarks;
using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence;
using FlowDesigner.Testing;
using Microsoft.AspNetCore.Http;
using Npgsql;
using Xunit.Abstractions;

namespace FlowDesigner.E2E.Tests;

/// <summary>
/// Two product processes on one real PostgreSQL database, as a scale-out runs them behind a load balancer: one is
/// killed without warning while both accept events, and started again.
/// </summary>
public sealed class MultiNodeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Events = 2_000;

    /// <summary>Every tenth event is sent again with the key of the one before (a sender's retry).</summary>
    private const int RepeatEvery = 10;

    private readonly TempDataFolder _folder = new();
    private StorageOptions _storage = default!;

    public Task InitializeAsync()
    {
        _storage = TestPostgreSql.NewDatabase(_folder.Path);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await TestPostgreSql.DropAsync(_storage);
        _folder.Dispose();
    }

    [Fact]
    public async Task EveryAcceptedEvent_HasOneCompletedRun_WhenANodeIsKilledHalfwayAndStartedAgain()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var sink = await HttpSink.StartAsync();
        foreach (var system in new[] { "/servicenow/incident", "/netsuite/salesorder" })
        {
            // Slow systems, so that many runs are midway when the node dies.
            sink.On(system, async (context, _) =>
            {
                await Task.Delay(50);
                await context.Response.WriteAsJsonAsync(new { ok = true });
            });
        }

        await using var first = await StartNodeAsync(sink);
        await first.ImportAndPublishAsync(ReferenceOrder.Workflow(respond: "immediately"));
        await using var second = await StartNodeAsync(sink);
        var nodes = new[] { first, second };
        using var http = new HttpClient();
        var accepted = new ConcurrentDictionary<int, (string Key, Guid RunId)>();
        var next = -1;
        var restarted = new TaskCompletionSource();
        var senders = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < Events; i = Interlocked.Increment(ref next))
            {
                if (i >= Events * 3 / 4)
                {
                    await restarted.Task; // the last quarter goes to both nodes again
                }

                var key = i % RepeatEvery == RepeatEvery - 1 ? $"order-{i - 1}" : $"order-{i}";
                accepted[i] = (key, await SendAsync(http, () => nodes[i % 2].Address, first.Address, key));
            }
        })).ToList();

        // Halfway, the second node dies at once; what was sent to it meanwhile goes to the first, as a load balancer
        // would send it, with the same key.
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: both nodes started, sending");
        await Deadline.WaitUntilAsync(() => Task.FromResult(accepted.Count >= Events / 2), TimeSpan.FromSeconds(120));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: half accepted, killing the second node");
        var deadName = $"{Environment.MachineName}:{second.ProcessId}";
        await second.KillAsync();
        var killedAt = DateTime.UtcNow;
        var finishedAtKill = await FinishedStepsAsync();
        var callsAtKill = sink.CallsByKey();
        var heldByDead = await UnfinishedRunsHeldByAsync(deadName);
        nodes[1] = first;
        await Deadline.WaitUntilAsync(async () => (await UnfinishedRunsHeldByAsync(deadName)).Count == 0, TimeSpan.FromSeconds(30));
        var takenOverIn = DateTime.UtcNow - killedAt;

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: its runs taken over");
        await using var again = await StartNodeAsync(sink);
        nodes[1] = again;
        restarted.SetResult();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: started again");
        await Task.WhenAll(senders);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: every event accepted");
        await Deadline.WaitUntilAsync(async () => await CountUnfinishedRunsAsync() == 0, TimeSpan.FromSeconds(120));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: every run ended");

        // Every accepted event has exactly one run, and every run completed; a repeat answered with the first's run.
        var runs = await RunsByKeyAsync();
        var keys = accepted.Values.Select(a => a.Key).Distinct().ToList();
        Assert.Equal(keys.Count, runs.Count);
        Assert.All(accepted.Values, a => Assert.Equal(runs[a.Key].RunId, a.RunId));
        Assert.All(runs.Values, run => Assert.Equal(RunStatus.Succeeded, run.Status));
        Assert.Equal(Events - (Events / RepeatEvery), keys.Count);

        // A system saw a step's call twice only where that step was not recorded finished when the node died.
        var repeated = sink.CallsByKey().Where(c => c.Value > 1).Select(c => c.Key).ToList();
        Assert.All(repeated, key => Assert.DoesNotContain(key, finishedAtKill));
        Assert.All(finishedAtKill, key => Assert.Equal(callsAtKill.GetValueOrDefault(key), sink.CallsByKey().GetValueOrDefault(key)));
        output.WriteLine(
            $"{accepted.Count} events accepted, {runs.Count} runs; {heldByDead.Count} runs held by the killed node, taken over in {takenOverIn.TotalSeconds:0.0} s; "
            + $"{finishedAtKill.Count} steps recorded finished at the kill; {repeated.Count} step calls seen more than once.");
        Assert.True(heldByDead.Count > 0, "No run was midway on the node that was killed.");
        Assert.True(takenOverIn < TimeSpan.FromSeconds(30), $"The dead node's runs were taken over after {takenOverIn.TotalSeconds:0.0} s.");
    }

    private async Task<ProductProcess> StartNodeAsync(HttpSink sink) =>
        await ProductProcess.StartAsync(RepositoryPaths.Configuration, sink.Address, settings: new Dictionary<string, string>
        {
            ["Storage__Provider"] = nameof(StorageProvider.PostgreSql),
            ["Storage__ConnectionString"] = _storage.ConnectionString!,
            ["Engine__HeartbeatSeconds"] = "1",
            ["Engine__RecoveryIntervalSeconds"] = "2",
        });

    /// <summary>Posts the order until a node accepts it: to its node, or to the fallback when that one does not answer.</summary>
    private static async Task<Guid> SendAsync(HttpClient http, Func<Uri> node, Uri fallback, string key)
    {
        for (var attempt = 0; ; attempt++)
        {
            var target = attempt == 0 ? node() : fallback;
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target, "hooks/orders"))
            {
                Content = JsonContent.Create(ReferenceOrder.Order(key, 3)),
            };
            request.Headers.Add("Idempotency-Key", key);
            try
            {
                using var response = await http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
                }
            }
            catch (HttpRequestException)
            {
                // the node is gone: the next attempt goes to the other
            }

            Assert.True(attempt < 50, $"No node accepted {key}.");
            await Task.Delay(100);
        }
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_storage.PostgreSqlConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The idempotency keys (run:node:scope) of the steps recorded as finished, trigger steps aside.</summary>
    private async Task<HashSet<string>> FinishedStepsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.Command($"""SELECT "RunId", "NodeId", "Scope" FROM "Steps" WHERE "Status" = {(int)StepStatus.Succeeded} AND "NodeId" <> 'hook'""");
        var keys = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add($"{new Guid((byte[])reader.GetValue(0), bigEndian: true)}:{reader.GetString(1)}:{reader.GetString(2)}");
        }

        return keys;
    }

    private async Task<List<Guid>> UnfinishedRunsHeldByAsync(string nodeName)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.Command($"""
            SELECT r."Id" FROM "Runs" r JOIN "EngineNodes" n ON n."Id" = r."HolderId"
            WHERE n."Name" = @name AND r."Status" IN ({(int)RunStatus.Pending}, {(int)RunStatus.Running}, {(int)RunStatus.Waiting})
            """).With("name", nodeName);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(new Guid((byte[])reader.GetValue(0), bigEndian: true));
        }

        return ids;
    }

    private async Task<long> CountUnfinishedRunsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.Command($"""
            SELECT count(*) FROM "Runs" WHERE "Status" IN ({(int)RunStatus.Pending}, {(int)RunStatus.Running}, {(int)RunStatus.Waiting})
            """);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<Dictionary<string, (Guid RunId, RunStatus Status)>> RunsByKeyAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.Command("""SELECT "DedupeKey", "Id", "Status" FROM "Runs" """);
        var runs = new Dictionary<string, (Guid, RunStatus)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs.Add(reader.GetString(0), (new Guid((byte[])reader.GetValue(1), bigEndian: true), (RunStatus)reader.GetInt32(2)));
        }

        return runs;
    }
}
