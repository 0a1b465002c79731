using BenchmarkDotNet.Running;
using FlowDesigner.Benchmarks;

if (args is ["--micro", .. var microArgs])
{
    BenchmarkSwitcher.FromAssembly(typeof(LoadBenchmark).Assembly).Run(microArgs);
    return 0;
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

if (options.MigrationRuns is { } migrationRuns)
{
    Console.WriteLine();
    Console.WriteLine(await MigrationBenchmark.RunAsync(migrationRuns, Console.Out));
    return 0;
}

if (options.RunListRuns is { } listRuns)
{
    Console.WriteLine();
    Console.WriteLine(await RunListBenchmark.RunAsync(options, listRuns, Console.Out));
    return 0;
}

if (options.DesignerMemory)
{
    Console.WriteLine();
    Console.WriteLine(await DesignerMemory.RunAsync(options, Console.Out));
    return 0;
}

if (options.Designer)
{
    Console.WriteLine();
    Console.WriteLine(await DesignerBenchmark.RunAsync(options, Console.Out));
    return 0;
}

if (options.Provider is not null)
{
    Console.WriteLine();
    Console.WriteLine(await ScaleOutBenchmark.RunAsync(options, Console.Out));
    return 0;
}

if (options.Against is not null)
{
    Console.WriteLine();
    Console.WriteLine(await AgainstBenchmark.RunAsync(options, Console.Out));
    return 0;
}

var report = await LoadBenchmark.RunAsync(options, Console.Out);
Console.WriteLine();
Console.WriteLine(report.ToMarkdown());
Console.WriteLine($"Saved {LoadBenchmark.Save(report)}");
return report.History.Complete ? 0 : 1;
