using System.Diagnostics;
using System.Globalization;
using FlowDesigner.Testing;
using Microsoft.Playwright;

namespace FlowDesigner.Benchmarks;

/// <summary>
/// Whether the designer's memory comes back: the product's managed heap and resident memory after two warm-up
/// sessions, then after 20 more designer sessions on a 150-node workflow (each opened, a node renamed, the tab
/// closed), each measured once the server's disconnected-circuit retention (3 minutes) has passed, with a full
/// collection (the one <c>dotnet-gcdump</c> makes). The last heap dump is kept in the results folder.
/// </summary>
public static class DesignerMemory
{
    private const int Sessions = 20;

    /// <summary>The retention of a disconnected circuit (ASP.NET Core's default, 3 minutes), and the minute its cache may take to notice.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(4);

    public static async Task<string> RunAsync(BenchmarkOptions options, TextWriter progress)
    {
        await using var sink = await Sink.StartAsync();
        await using var product = await ProductProcess.StartAsync(options.ProductConfiguration, sink.Address, checkout: options.Against);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DesignerBenchmark.LaunchAsync(playwright);
        var id = await product.ImportAsync(DesignerBenchmark.Workflow(150));
        for (var i = 0; i < 2; i++)
        {
            await SessionAsync(browser, product, id, $"Warm-up {i}");
        }

        progress.WriteLine($"Warmed up; waiting {Retention.TotalMinutes:0} minutes for the circuits' retention ...");
        await Task.Delay(Retention);
        var (startHeap, startResident) = (await HeapBytesAsync(product, "start"), product.ResidentBytes());
        var peakBefore = product.PeakResidentBytes();
        for (var i = 0; i < Sessions; i++)
        {
            await SessionAsync(browser, product, id, $"Session {i}");
        }

        var (loadedHeap, loadedResident) = (await HeapBytesAsync(product, "sessions-closed"), product.ResidentBytes());
        progress.WriteLine($"{Sessions} sessions closed; waiting {Retention.TotalMinutes:0} minutes for the circuits' retention ...");
        await Task.Delay(Retention);
        var (endHeap, endResident) = (await HeapBytesAsync(product, "end"), product.ResidentBytes());
        var c = CultureInfo.InvariantCulture;
        return string.Create(c, $"""
            | moment | managed heap MiB | resident MiB |
            | --- | ---: | ---: |
            | start (after warm-up and retention) | {Mib(startHeap)} | {Mib(startResident)} |
            | {Sessions} sessions just closed | {Mib(loadedHeap)} | {Mib(loadedResident)} |
            | after retention and a full collection | {Mib(endHeap)} | {Mib(endResident)} |

            Managed heap end/start: {endHeap / (double)startHeap:0.00}; resident end/start: {endResident / (double)startResident:0.00}; peak resident {Mib(product.PeakResidentBytes())} MiB (before the sessions {Mib(peakBefore)}).
            """);
    }

    private static async Task SessionAsync(IBrowser browser, ProductProcess product, Guid id, string name)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = product.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await DesignerBenchmark.SignInAsync(page);
        await DesignerBenchmark.OpenAsync(page, id, 150);
        await DesignerBenchmark.RenameAsync(page, "n1", name);
        await page.CloseAsync();
    }

    /// <summary>The managed heap after a full collection: <c>dotnet-gcdump</c> (the local tool) makes one, and its report says the size.</summary>
    private static async Task<long> HeapBytesAsync(ProductProcess product, string moment)
    {
        var dump = Path.Combine(RepositoryPaths.Root, "tests", "FlowDesigner.Benchmarks", "results", $"designer-memory-{moment}.gcdump");
        await ToolAsync("collect", "-p", product.ProcessId.ToString(CultureInfo.InvariantCulture), "-o", dump);
        var report = await ToolAsync("report", dump);
        var line = report.Split('\n').First(l => l.Contains("GC Heap bytes", StringComparison.Ordinal));
        return long.Parse(line.Trim().Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    private static async Task<string> ToolAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", ["dotnet-gcdump", .. args]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        using var tool = Process.Start(start)!;
        var output = await tool.StandardOutput.ReadToEndAsync();
        await tool.WaitForExitAsync();
        return tool.ExitCode == 0 ? output : throw new InvalidOperationException($"dotnet-gcdump {args[0]} exited with {tool.ExitCode}: {await tool.StandardError.ReadToEndAsync()}");
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
