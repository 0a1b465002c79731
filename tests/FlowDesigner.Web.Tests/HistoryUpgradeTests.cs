using System.Net.Http.Json;
using System.Text.Json;
using FlowDesigner.Persistence;
using FlowDesigner.Testing;
using Microsoft.Data.Sqlite;

namespace FlowDesigner.Web.Tests;

/// <summary>An upgraded database: the product serves at once and moves the step history in the background.</summary>
public sealed class HistoryUpgradeTests
{
    [Fact]
    public async Task AnUpgradedDatabase_ServesItsRunsWhole_WhileTheStepHistoryMovesInTheBackground()
    {
        using var host = new FlowDesignerHost();
        var storage = new StorageOptions { DataFolder = host.DataFolder };
        Directory.CreateDirectory(storage.DataFolderPath);
        await LegacyHistory.CreateAsync(storage.DatabasePath, runs: 400);

        using var api = await host.ApiClientAsync();
        foreach (var n in new[] { 399, 0, 200 })
        {
            var run = await api.GetFromJsonAsync<JsonElement>($"/api/runs/{LegacyHistory.RunId(n)}");
            var steps = run.GetProperty("steps").EnumerateArray().ToList();
            Assert.Equal(LegacyHistory.Steps.Count, steps.Count);
            Assert.Equal(LegacyHistory.StepId(n, 0), steps[0].GetProperty("id").GetInt64());
            Assert.Equal(LegacyHistory.Payload, steps[0].GetProperty("outputJson").GetString());
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await OldStepTableExistsAsync(storage.DatabasePath))
        {
            Assert.True(DateTime.UtcNow < deadline, "The step history was still being converted 30 s after start-up.");
            await Task.Delay(100);
        }

        var last = await api.GetFromJsonAsync<JsonElement>($"/api/runs/{LegacyHistory.RunId(123)}");
        Assert.Equal(LegacyHistory.Steps.Count, last.GetProperty("steps").GetArrayLength());
    }

    private static async Task<bool> OldStepTableExistsAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'StepRuns'";
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
