using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FlowDesigner.Testing;

namespace FlowDesigner.Benchmarks;

/// <summary>One invocation: the product in sync and async mode, then the floor, on the same machine and sink.</summary>
public static class LoadBenchmark
{
    /// <summary>The script variant's row: the reference workflow with its map as a code node.</summary>
    public const string ScriptSystem = "FlowDesigner (script map)";

    public static async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, TextWriter progress)
    {
        await using var sink = await Sink.StartAsync();
        var results = new List<LoadResult>();
        AsyncCompletion? completion = null;
        HistoryCheck history;
        long peak;
        await using (var product = await ProductProcess.StartAsync(options.ProductConfiguration, sink.Address))
        {
            // The webhooks take only Standard Webhooks signed requests, as a production install would; each delivery has its own id.
            var secret = await product.CreateCredentialAsync("webhook.secret", "Shop signing secret", new { secret = WebhookSigner.StandardSecret });
            await product.ImportAndPublishAsync(ReferenceOrder.Workflow("orders", "whenFinished", secret));
            await product.ImportAndPublishAsync(ReferenceOrder.Workflow("orders-async", "immediately", secret));
            await product.ImportAndPublishAsync(ReferenceOrder.Workflow("orders-script", "whenFinished", secret, scripted: true));
            Func<string, string, Dictionary<string, string>> sign = (id, body) => WebhookSigner.StandardWebhooks(WebhookSigner.StandardSecret, $"msg_{id}", body);
            if (options.RunSync)
            {
                progress.WriteLine("FlowDesigner, sync: webhook answers with the run's output ...");
                results.Add(await LoadDriver.RunAsync("FlowDesigner", "sync", new Uri(product.Address, "hooks/orders"), options.Lines, options,
                    r => r.StatusCode == HttpStatusCode.OK, product.ProcessorTime, sign));
                progress.WriteLine("FlowDesigner, sync, script variant: the map as a code node ...");
                results.Add(await LoadDriver.RunAsync(ScriptSystem, "sync", new Uri(product.Address, "hooks/orders-script"), options.Lines, options,
                    r => r.StatusCode == HttpStatusCode.OK, product.ProcessorTime, sign));
            }

            if (options.RunAsync)
            {
                progress.WriteLine("FlowDesigner, async: webhook answers 202, then every accepted run must complete ...");
                var watch = Stopwatch.StartNew();
                var accepted = await LoadDriver.RunAsync("FlowDesigner", "async", new Uri(product.Address, "hooks/orders-async"), options.Lines, options,
                    r => r.StatusCode == HttpStatusCode.Accepted, product.ProcessorTime, sign);
                results.Add(accepted);
                var (backlog, drain) = await WaitForRunsAsync(product.DatabasePath, progress);
                completion = new AsyncCompletion(accepted.Succeeded / (watch.Elapsed - options.Warmup).TotalSeconds, backlog, drain.TotalSeconds);
            }

            peak = product.PeakResidentBytes();
            await product.StopAsync();
            history = await HistoryCheck.ReadAsync(product.DatabasePath, ReferenceOrder.StepsPerRun(options.Lines));
        }

        progress.WriteLine("Floor: the same work in plain C# with one SQLite row per request ...");
        await using (var floor = await Floor.StartAsync(sink.Address))
        {
            results.Add(await LoadDriver.RunAsync("floor", "sync", new Uri(floor.Address, "orders"), options.Lines, options, r => r.StatusCode == HttpStatusCode.OK));
        }

        return new BenchmarkReport(options, results, history, peak, completion, DateTime.UtcNow);
    }

    public static string Save(BenchmarkReport report)
    {
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "tests", "FlowDesigner.Benchmarks", "results")).FullName;
        var path = Path.Combine(folder, $"benchmark-{report.At:yyyyMMdd-HHmmss}.json");
        var summary = new
        {
            report.At,
            options = new { report.Options.Concurrency, duration = report.Options.Duration.TotalSeconds, warmup = report.Options.Warmup.TotalSeconds, report.Options.Mode, report.Options.Lines },
            results = report.Results.Select(r => new
            {
                r.System, r.Mode, runsPerSecond = r.PerSecond, p50 = r.Percentile(50), p95 = r.Percentile(95), p99 = r.Percentile(99), r.Errors, r.Succeeded,
                processorMsPerRun = r.ProcessorMsPerRun,
            }),
            productPeakRssBytes = report.ProductPeakResidentBytes,
            databaseBytesPerRun = report.History.BytesPerRun,
            databaseBytesPerStep = report.History.BytesPerStep,
            asyncCompletedPerSecond = report.AsyncCompletion?.PerSecond,
            asyncBacklog = report.AsyncCompletion?.Backlog,
            asyncDrainSeconds = report.AsyncCompletion?.DrainSeconds,
            productToFloorRatio = report.SyncRatio,
            scriptToReferenceCpu = report.ScriptCpuRatio,
            historyComplete = report.History.Complete,
            report.History,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    /// <returns>The runs unfinished when it began, and how long they took to finish.</returns>
    private static async Task<(int Backlog, TimeSpan Drain)> WaitForRunsAsync(string databasePath, TextWriter progress)
    {
        var watch = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow.AddMinutes(5);
        var backlog = await HistoryCheck.CountUnfinishedAsync(databasePath);
        int unfinished;
        while ((unfinished = await HistoryCheck.CountUnfinishedAsync(databasePath)) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                progress.WriteLine($"{unfinished} runs had not finished after 5 minutes.");
                break;
            }

            await Task.Delay(200);
        }

        return (backlog, watch.Elapsed);
    }
}
