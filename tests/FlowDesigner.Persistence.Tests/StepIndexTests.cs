using FlowDesigner.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Persistence.Tests;

/// <summary>Finished steps stay out of the status index; the recovery's look for unfinished steps still finds them by it.</summary>
public sealed class StepIndexTests
{
    [Fact]
    public async Task FindingUnfinishedSteps_UsesThePartialStatusIndex()
    {
        var logs = new CapturedLogs();
        await using var services = await TestServices.StartAsync(configure: s => s.AddLogging(b => b
            .AddProvider(logs)
            .AddFilter<CapturedLogs>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information)));

        await services.Get<Model.Runs.IRunStore>().FindUnfinishedStepsAsync(default);

        var executed = Assert.Single(logs.Entries, e => e.Contains("Executed DbCommand", StringComparison.Ordinal) && e.Contains("FROM \"StepRuns\"", StringComparison.Ordinal));
        var sql = executed[executed.IndexOf('\n', StringComparison.Ordinal)..].Trim();
        await using var connection = new SqliteConnection($"Data Source={services.Storage.DatabasePath}");
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, line => line.Contains("USING INDEX IX_StepRuns_Status", StringComparison.Ordinal));
    }
}
