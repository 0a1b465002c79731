using System.Globalization;
using System.Text;

namespace FlowDesigner.Benchmarks;

/// <summary>The figures of one benchmark invocation, as a Markdown table and as JSON.</summary>
public sealed record BenchmarkReport(
    BenchmarkOptions Options,
    IReadOnlyList<LoadResult> Results,
    HistoryCheck History,
    long ProductPeakResidentBytes,
    AsyncCompletion? AsyncCompletion,
    DateTime At)
{
    public LoadResult? Product(string mode) => Results.FirstOrDefault(r => r.System == "FlowDesigner" && r.Mode == mode);

    public LoadResult? Floor => Results.FirstOrDefault(r => r.System == "floor");

    /// <summary>The script variant's sync CPU per run over the reference's, both measured in this invocation.</summary>
    public double? ScriptCpuRatio =>
        Results.FirstOrDefault(r => r.System == LoadBenchmark.ScriptSystem)?.ProcessorMsPerRun is { } script && Product("sync")?.ProcessorMsPerRun is { } reference
            ? script / reference
            : null;

    public double? SyncRatio => Product("sync") is { } product && Floor is { } floor ? product.PerSecond / floor.PerSecond : null;

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Reference order workflow, {Options.Lines}-line orders, {Options.Concurrency} clients{(Options.Rate is { } rate ? $" sending {rate} orders/s in all" : "")}, {Options.Duration.TotalSeconds:0} s after {Options.Warmup.TotalSeconds:0} s warm-up, loopback, {Environment.ProcessorCount} cores.");
        text.AppendLine();
        text.AppendLine("| system | mode | runs/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/run | peak RSS MB | DB bytes/run | DB bytes/step |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in Results)
        {
            var product = r.System.StartsWith("FlowDesigner", StringComparison.Ordinal);
            text.AppendLine(c, $"| {r.System} | {r.Mode} | {r.PerSecond:0} | {r.Percentile(50):0.0} | {r.Percentile(95):0.0} | {r.Percentile(99):0.0} | {r.Errors} | {r.ProcessorMsPerRun?.ToString("0.00", c)} | " +
                $"{(product ? (ProductPeakResidentBytes / 1024.0 / 1024).ToString("0", c) : "")} | {(product ? History.BytesPerRun.ToString("0", c) : "")} | {(product ? History.BytesPerStep.ToString("0", c) : "")} |");
        }

        text.AppendLine();
        if (SyncRatio is { } ratio)
        {
            text.AppendLine(c, $"Product/floor throughput (sync): {ratio:0.000}.");
        }

        if (ScriptCpuRatio is { } script)
        {
            text.AppendLine(c, $"Script variant/reference CPU ms per run (sync): {script:0.000}.");
        }

        if (AsyncCompletion is { } completion)
        {
            text.Append(c, $"Async: accepted runs completed at {completion.PerSecond:0} runs/s from the start of the window; ");
            if (completion.Backlog == 0)
            {
                text.AppendLine("every run had finished when the clients stopped.");
            }
            else
            {
                text.Append(c, $"{completion.Backlog} were unfinished when the clients stopped, and the last finished {completion.DrainSeconds:0.0} s later");
                text.AppendLine(completion.DrainPerSecond is { } drain ? string.Create(c, $" ({drain:0} runs/s).") : ".");
            }
        }

        text.AppendLine(History.Complete
            ? $"History verified: all {History.Runs} runs succeeded with their {History.Steps} step rows ({History.Steps / (double)History.Runs:0.0} per run)."
            : $"History NOT complete: {History.Succeeded} of {History.Runs} runs succeeded, {History.NotEnded} not ended, {History.RunsMissingSteps} with missing steps.");
        return text.ToString();
    }
}
