using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlowDesigner.Benchmarks;
using FlowDesigner.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace FlowDesigner.E2E.Tests;

/// <summary>The real web host as a process of its own, killed without warning while it accepts events.</summary>
public sealed class CrashRecoveryTests
{
    private static readonly Dictionary<string, string> QuickRecovery = new()
    {
        ["Engine__RunLeaseSeconds"] = "2",
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
            await first.ImportAndPublishAsync(http, ReferenceOrder.Workflow(respond: "immediately"));
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, 8).Select(client => PostUntilStoppedAsync(http, new Uri(first.Address, "hooks/orders"), client, accepted, stop.Token)).ToList();
            await WaitUntilAsync(() => Task.FromResult(accepted.Count >= 300), TimeSpan.FromSeconds(60));

            await first.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
            Assert.True(await HistoryCheck.CountUnfinishedAsync(first.DatabasePath) > 0, "No run was midway when the process was killed.");
        }

        await using var second = await ProductProcess.StartAsync(RepositoryPaths.Configuration, sink.Address, folder, QuickRecovery);
        await WaitUntilAsync(async () => await HistoryCheck.CountUnfinishedAsync(second.DatabasePath) == 0, TimeSpan.FromSeconds(60));

        var history = await HistoryCheck.ReadAsync(second.DatabasePath, ReferenceOrder.StepsPerRun(3));
        Assert.True(history.Complete, $"{history}");
        var succeeded = await SucceededRunsAsync(second.DatabasePath);
        Assert.All(accepted, runId => Assert.Contains(runId, succeeded));

        // Each line of each run reached its system at least once; a repeat carries the same idempotency key.
        Assert.Equal(history.Runs * 3, sink.Requests.Select(r => r.IdempotencyKey).Distinct().Count());
        Directory.Delete(folder, recursive: true);
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
        command.CommandText = "SELECT Id FROM Runs WHERE Status = 'Succeeded'";
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(100);
        }
    }
}
