using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FlowDesigner.Testing;

namespace FlowDesigner.Benchmarks;

/// <summary>
/// Sync CPU milliseconds per run of this checkout against another (the commit before a change): both products run side
/// by side on the same sink, and are measured in turn, one window each, the order swapped every pair. A pair's two
/// windows are seconds apart, so what the machine's neighbours do moves both alike; the median of the pairs' ratios
/// is the figure.
/// </summary>
public static class AgainstBenchmark
{
    public static async Task<string> RunAsync(BenchmarkOptions options, TextWriter progress)
    {
        var other = Path.GetFullPath(options.Against!);
        await using var sink = await Sink.StartAsync();
        await using var head = await ProductProcess.StartAsync(options.ProductConfiguration, sink.Address);
        await using var baseline = await ProductProcess.StartAsync(options.ProductConfiguration, sink.Address, checkout: other);
        var window = 0;
        var sides = new[]
        {
            await PrepareAsync("base", baseline, () => window),
            await PrepareAsync("head", head, () => window),
        };
        foreach (var side in sides)
        {
            progress.WriteLine($"{side.Name}: warming up for {options.Warmup.TotalSeconds:0} s ({(side.Sign is null ? "unsigned" : "signed")} deliveries) ...");
            window++;
            await side.MeasureAsync(options with { Duration = options.Warmup });
        }

        var pairs = new List<(double Base, double Head)>();
        for (var pair = 0; pair < options.Pairs; pair++)
        {
            var measured = new Dictionary<string, double>();
            foreach (var side in pair % 2 == 0 ? sides : sides.Reverse())
            {
                window++;
                var result = await side.MeasureAsync(options);
                measured[side.Name] = result.ProcessorMsPerRun ?? double.NaN;
                progress.WriteLine($"pair {pair + 1} {side.Name}: {result.PerSecond:0} runs/s, {result.ProcessorMsPerRun:0.000} CPU ms/run, {result.Errors} errors");
            }

            pairs.Add((measured["base"], measured["head"]));
        }

        return Report(other, options, sides, pairs);
    }

    private static async Task<Side> PrepareAsync(string name, ProductProcess product, Func<int> window)
    {
        // The commit before webhooks could be signed takes unsigned deliveries; every later one takes signed ones.
        var types = await product.Api.GetFromJsonAsync<JsonElement>("api/credential-types");
        var signs = types.EnumerateArray().Any(t => t.GetProperty("key").GetString() == "webhook.secret");
        Guid? secret = signs ? await product.CreateCredentialAsync("webhook.secret", "Shop signing secret", new { secret = WebhookSigner.StandardSecret }) : null;
        await product.ImportAndPublishAsync(ReferenceOrder.Workflow("orders", "whenFinished", secret));
        Func<string, string, Dictionary<string, string>>? sign = signs
            ? (id, body) => WebhookSigner.StandardWebhooks(WebhookSigner.StandardSecret, $"msg_{window()}_{id}", body)
            : null;
        return new Side(name, product, sign);
    }

    private static string Report(string other, BenchmarkOptions options, Side[] sides, List<(double Base, double Head)> pairs)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }

        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Sync CPU ms per run, {pairs.Count} alternating pairs of {options.Duration.TotalSeconds:0} s windows (base: {other}):");
        text.AppendLine();
        text.AppendLine("| pair | base | head | head / base |");
        text.AppendLine("| ---: | ---: | ---: | ---: |");
        for (var i = 0; i < pairs.Count; i++)
        {
            text.AppendLine(culture, $"| {i + 1} | {pairs[i].Base:0.000} | {pairs[i].Head:0.000} | {pairs[i].Head / pairs[i].Base:0.000} |");
        }

        text.AppendLine(culture, $"| median | {Median(pairs.Select(p => p.Base)):0.000} | {Median(pairs.Select(p => p.Head)):0.000} | {Median(pairs.Select(p => p.Head / p.Base)):0.000} |");
        text.AppendLine();
        text.AppendLine(string.Join("; ", sides.Select(s => $"{s.Name} {(s.Sign is null ? "unsigned" : "signed with Standard Webhooks")}")));
        return text.ToString();
    }

    private sealed record Side(string Name, ProductProcess Product, Func<string, string, Dictionary<string, string>>? Sign)
    {
        public Task<LoadResult> MeasureAsync(BenchmarkOptions options) =>
            LoadDriver.RunAsync("FlowDesigner", "sync", new Uri(Product.Address, "hooks/orders"), options.Lines, options with { Warmup = TimeSpan.Zero },
                r => r.StatusCode == HttpStatusCode.OK, Product.ProcessorTime, Sign);
    }
}
