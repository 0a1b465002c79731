using FlowDesigner.Benchmarks;
using FlowDesigner.Testing;

namespace FlowDesigner.E2E.Tests;

/// <summary>The benchmark program's quick mode, so it keeps working; it measures, this only checks that it ran.</summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public async Task QuickBenchmark_DrivesTheProductAndTheFloor_AndVerifiesEveryRunsHistory()
    {
        var options = BenchmarkOptions.Parse(["--quick", "--concurrency", "4", "--product-configuration", RepositoryPaths.Configuration]);

        var report = await LoadBenchmark.RunAsync(options, TextWriter.Null);

        Assert.True(report.History.Complete, report.ToMarkdown());
        Assert.Equal(
            [("FlowDesigner", "sync"), (LoadBenchmark.ScriptSystem, "sync"), ("FlowDesigner", "async"), ("floor", "sync")],
            report.Results.Select(r => (r.System, r.Mode)));
        Assert.All(report.Results, r => Assert.True(r.Succeeded > 0 && r.Errors == 0, report.ToMarkdown()));
        Assert.True(report.ProductPeakResidentBytes > 0);
        Assert.All(report.Results, r => Assert.Equal(r.System != "floor", r.ProcessorMsPerRun > 0));
        Assert.NotNull(report.ScriptCpuRatio);
        Assert.Contains("Script variant/reference CPU ms per run (sync):", report.ToMarkdown());
        Assert.Contains("| FlowDesigner | sync |", report.ToMarkdown());
        Assert.NotNull(report.AsyncCompletion);
        Assert.Contains("when the clients stopped", report.ToMarkdown());
    }

    [Fact]
    public void AsyncCompletion_GivesTheBacklogsRate_OnlyWhenItTookASecondOrMore()
    {
        Assert.Equal(1500, new AsyncCompletion(2000, 3000, 2.0).DrainPerSecond);
        Assert.Null(new AsyncCompletion(2000, 4, 0.2).DrainPerSecond);
    }

    [Fact]
    public void Options_TakeARateSharedByTheClients()
    {
        var options = BenchmarkOptions.Parse(["--rate", "500", "--concurrency", "4"]);

        Assert.Equal((500, 4), (options.Rate, options.Concurrency));
    }

    [Theory]
    [InlineData("--mode", "sideways")]
    [InlineData("--concurrency", "0")]
    [InlineData("--rate", "0")]
    [InlineData("--rate", "fast")]
    [InlineData("--frobnicate")]
    public void Options_RefuseWhatTheyDoNotKnow(params string[] args) =>
        Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(args));
}
