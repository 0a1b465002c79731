using System.Diagnostics;
using FlowDesigner.Persistence;
using FlowDesigner.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Benchmarks;

/// <summary>
/// How fast a database of the text format converts: <c>runs</c> runs of the reference order's shape (15 step rows
/// each) written as the product wrote them before, then the product's own start-up migration on it (runs and events;
/// the product serves once it is done), then the background conversion of the step history, timed apart.
/// </summary>
public static class MigrationBenchmark
{
    public static async Task<string> RunAsync(int runs, TextWriter progress)
    {
        var folder = Directory.CreateTempSubdirectory("flowdesigner-migration-");
        try
        {
            var storage = new StorageOptions { DataFolder = folder.FullName };
            progress.WriteLine($"Writing {runs:N0} runs in the text format ...");
            await LegacyHistory.CreateAsync(storage.DatabasePath, runs);
            var before = new FileInfo(storage.DatabasePath).Length;

            var services = new ServiceCollection()
                .AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information)
                    .AddFilter("Microsoft", LogLevel.Warning))
                .AddFlowDesignerPersistence(storage);
            await using var provider = services.BuildServiceProvider();
            var started = Stopwatch.GetTimestamp();
            await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            await provider.GetRequiredService<StepHistoryConversion>().RunAsync(CancellationToken.None);
            var background = Stopwatch.GetElapsedTime(started);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var after = new FileInfo(storage.DatabasePath).Length + WalLength(storage.DatabasePath);
            return $"""
                | runs | steps | start-up s | start-up runs/s | background s | background runs/s | file before | file after |
                | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                | {runs:N0} | {runs * LegacyHistory.Steps.Count:N0} | {elapsed.TotalSeconds:N2} | {runs / elapsed.TotalSeconds:N0} | {background.TotalSeconds:N2} | {runs / background.TotalSeconds:N0} | {before / 1048576.0:N1} MiB | {after / 1048576.0:N1} MiB |
                """;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static long WalLength(string databasePath) => File.Exists(databasePath + "-wal") ? new FileInfo(databasePath + "-wal").Length : 0;
}
