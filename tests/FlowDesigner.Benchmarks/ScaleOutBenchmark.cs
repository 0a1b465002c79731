using System.Globalization;
using System.Net;
using System.Text;
using FlowDesigner.Persistence;
using FlowDesigner.Testing;
using Npgsql;

namespace FlowDesigner.Benchmarks;

/// <summary>
/// The sync load (the reference workflow answering with its output) on SQLite, then on PostgreSQL with one node and
/// with several nodes sharing the load through one database, back to back on the same machine and sink. Each
/// measurement starts its products on a database of its own.
/// </summary>
public static class ScaleOutBenchmark
{
    public static async Task<string> RunAsync(BenchmarkOptions options, TextWriter progress)
    {
        await using var sink = await Sink.StartAsync();
        var server = TestPostgreSql.ServerConnectionString;
        var serverCpu = await PostgreSqlServerCpu.FindAsync(server);
        var rows = new List<Row>();
        progress.WriteLine("SQLite, one node ...");
        rows.Add(await MeasureAsync("SQLite", 1, null, null, options, sink));
        foreach (var nodes in new[] { 1, options.Nodes }.Distinct())
        {
            progress.WriteLine($"PostgreSQL, {nodes} node(s) ...");
            using var folder = new TempDataFolder();
            var storage = TestPostgreSql.NewDatabase(folder.Path);
            try
            {
                rows.Add(await MeasureAsync("PostgreSQL", nodes, storage, serverCpu, options, sink));
            }
            finally
            {
                await TestPostgreSql.DropAsync(storage);
            }
        }

        return Report(options, rows);
    }

    private static async Task<Row> MeasureAsync(
        string database, int count, StorageOptions? storage, PostgreSqlServerCpu? serverCpu, BenchmarkOptions options, Sink sink)
    {
        var settings = storage is null ? null : new Dictionary<string, string>
        {
            ["Storage__Provider"] = nameof(StorageProvider.PostgreSql),
            ["Storage__ConnectionString"] = storage.ConnectionString!,
        };
        var nodes = new List<ProductProcess>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                nodes.Add(await ProductProcess.StartAsync(options.ProductConfiguration, sink.Address, settings: settings));
            }

            var secret = await nodes[0].CreateCredentialAsync("webhook.secret", "Shop signing secret", new { secret = WebhookSigner.StandardSecret });
            await nodes[0].ImportAndPublishAsync(ReferenceOrder.Workflow("orders", "whenFinished", secret));
            await Task.Delay(TimeSpan.FromSeconds(2)); // every node sees the publish (its trigger cache keeps a second)
            Func<string, string, Dictionary<string, string>> sign = (id, body) => WebhookSigner.StandardWebhooks(WebhookSigner.StandardSecret, $"msg_{id}", body);
            // The driver reads the processor time as its window begins and as it ends: each node's and the server's are read then too.
            var readings = new List<(List<TimeSpan> Nodes, TimeSpan? Server)>();
            var result = await LoadDriver.RunAsync(
                database, "sync", nodes.Select(n => new Uri(n.Address, "hooks/orders")).ToList(), options.Lines, options,
                r => r.StatusCode == HttpStatusCode.OK,
                () =>
                {
                    var reading = (Nodes: nodes.Select(n => n.ProcessorTime()).ToList(), Server: serverCpu?.ProcessorTime());
                    readings.Add(reading);
                    return reading.Nodes.Aggregate(TimeSpan.Zero, (sum, cpu) => sum + cpu);
                },
                sign);
            var perNode = readings[1].Nodes.Select((cpu, i) => cpu - readings[0].Nodes[i]).ToList();
            var server = readings[1].Server - readings[0].Server;
            long? complete = storage is null ? null : await CountUnsucceededAsync(storage);
            return new Row(database, count, result, perNode, server, complete);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    /// <summary>How many runs of the database did not succeed (none, when every request's run completed).</summary>
    private static async Task<long> CountUnsucceededAsync(StorageOptions storage)
    {
        await using var connection = new NpgsqlConnection(storage.PostgreSqlConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""SELECT count(*) FROM "Runs" WHERE "Status" <> {(int)Model.Runs.RunStatus.Succeeded}""", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string Report(BenchmarkOptions options, List<Row> rows)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Reference order workflow, sync (the webhook answers with the run's output), {options.Lines}-line orders, {options.Concurrency} clients spread over the nodes, {options.Duration.TotalSeconds:0} s after {options.Warmup.TotalSeconds:0} s warm-up, loopback, {Environment.ProcessorCount} cores.");
        text.AppendLine();
        text.AppendLine("| database | nodes | runs/s | p50 ms | p95 ms | errors | product CPU ms/run | per node CPU ms/run | PostgreSQL CPU ms/run | runs not succeeded |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
        foreach (var row in rows)
        {
            var r = row.Result;
            var perRun = (TimeSpan cpu) => (cpu.TotalMilliseconds / Math.Max(1, r.Succeeded)).ToString("0.00", c);
            var perNode = string.Join(" / ", row.PerNode.Select(cpu => (cpu.TotalMilliseconds / Math.Max(1, r.Succeeded / (double)row.Nodes)).ToString("0.00", c)));
            text.AppendLine(c, $"| {row.Database} | {row.Nodes} | {r.PerSecond:0} | {r.Percentile(50):0.0} | {r.Percentile(95):0.0} | {r.Errors} | {r.ProcessorMsPerRun?.ToString("0.00", c)} | {perNode} | {(row.Server is { } server ? perRun(server) : "")} | {row.NotSucceeded?.ToString(c) ?? ""} |");
        }

        text.AppendLine();
        text.AppendLine("Per node CPU ms/run divides each node's processor time by its share of the runs (the runs over the nodes; the clients are spread evenly).");
        return text.ToString();
    }

    private sealed record Row(string Database, int Nodes, LoadResult Result, IReadOnlyList<TimeSpan> PerNode, TimeSpan? Server, long? NotSucceeded);
}
