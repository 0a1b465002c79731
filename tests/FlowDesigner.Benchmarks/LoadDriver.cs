using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace FlowDesigner.Benchmarks;

/// <summary>Concurrent clients posting orders for a bounded time after a warm-up; loopback only.</summary>
public static class LoadDriver
{
    /// <param name="sign">The headers that sign a body, for a webhook that takes only signed requests; null sends none.</param>
    public static Task<LoadResult> RunAsync(
        string system, string mode, Uri url, int lines, BenchmarkOptions options, Func<HttpResponseMessage, bool> accepted,
        Func<TimeSpan>? processorTime = null, Func<string, string, Dictionary<string, string>>? sign = null) =>
        RunAsync(system, mode, [url], lines, options, accepted, processorTime, sign);

    /// <param name="urls">Where the clients send, each client to one of them in turn (the nodes behind a load balancer).</param>
    public static async Task<LoadResult> RunAsync(
        string system, string mode, IReadOnlyList<Uri> urls, int lines, BenchmarkOptions options, Func<HttpResponseMessage, bool> accepted,
        Func<TimeSpan>? processorTime = null, Func<string, string, Dictionary<string, string>>? sign = null)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        await DriveAsync(http, urls, lines, options, options.Warmup, accepted, "warm", sign);
        var watch = Stopwatch.StartNew();
        var cpuBefore = processorTime?.Invoke();
        var (ok, errors, latencies) = await DriveAsync(http, urls, lines, options, options.Duration, accepted, "run", sign);
        var cpu = processorTime?.Invoke() - cpuBefore;
        return new LoadResult(system, mode, ok, errors, watch.Elapsed, latencies) { ProcessorTime = cpu };
    }

    private static async Task<(int Ok, int Errors, List<double> Latencies)> DriveAsync(
        HttpClient http, IReadOnlyList<Uri> urls, int lines, BenchmarkOptions options, TimeSpan duration, Func<HttpResponseMessage, bool> accepted, string prefix,
        Func<string, string, Dictionary<string, string>>? sign)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clients = Enumerable.Range(0, options.Concurrency).Select(async client =>
        {
            var latencies = new List<double>();
            var errors = 0;
            var schedule = new SendSchedule(options.Rate, options.Concurrency, client);
            var url = urls[client % urls.Count];
            for (var n = 0; Stopwatch.GetTimestamp() < until; n++)
            {
                await schedule.WaitForTurnAsync();
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var id = $"{prefix}-{client}-{n}";
                    var body = JsonSerializer.Serialize(Testing.ReferenceOrder.Order(id, lines));
                    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                    foreach (var (name, value) in sign?.Invoke(id, body) ?? [])
                    {
                        request.Headers.TryAddWithoutValidation(name, value);
                    }

                    using var response = await http.SendAsync(request);
                    if (accepted(response))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    else
                    {
                        errors++;
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    errors++;
                }
            }

            return (latencies, errors);
        }).ToList();
        var results = await Task.WhenAll(clients);
        var all = results.SelectMany(r => r.latencies).ToList();
        return (all.Count, results.Sum(r => r.errors), all);
    }
}
