using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FlowDesigner.Persistence.Tests;

public sealed class HistoryMigrationTests
{
    [Fact]
    public async Task ADatabaseOfTheTextFormat_MigratesAndReadsBackTheSame()
    {
        using var folder = await LegacyFolderAsync(runs: 3);

        await using var services = await TestServices.StartAsync(dataFolder: folder.Path);
        await services.Get<StepHistoryConversion>().RunAsync(default);

        await AssertReadsBackAsync(services, runs: 3);
    }

    [Fact]
    public async Task ARunReadBeforeTheBackgroundConversionReachesIt_ReadsBackTheSame_AndNewStepIdsGoAboveTheOldOnes()
    {
        using var folder = await LegacyFolderAsync(runs: 3);
        await using var services = await TestServices.StartAsync(dataFolder: folder.Path);
        var conversion = services.Get<StepHistoryConversion>();
        Assert.True(conversion.Pending);

        await AssertReadsBackAsync(services, runs: 3); // each run's steps move as it is read
        var runs = services.Get<IRunStore>();
        var added = Assert.Single(await runs.AddStepsAsync(LegacyHistory.RunId(1), [new NewStep(AddedLater, "", 1, StepStatus.Pending, null)], DateTime.UtcNow, default));
        Assert.True(added.Id > LegacyHistory.StepId(2, LegacyHistory.Steps.Count - 1));
        await conversion.RunAsync(default);

        Assert.False(conversion.Pending);
        await AssertReadsBackAsync(services, runs: 3);
        Assert.Equal(added, await runs.FindStepAsync(added.Id, default));
    }

    [Fact]
    public async Task TheMigration_RunAgainOverItsOwnResult_ChangesNothing()
    {
        // As if the process stopped after the conversion's transaction and before EF recorded the migration.
        using var folder = await LegacyFolderAsync(runs: 2);
        // The migrations after it had not run then: they are taken back first.
        await using (var services = await TestServices.StartAsync(dataFolder: folder.Path))
        await using (var db = services.OpenDatabase())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261205180439_CompactHistory");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM __EFMigrationsHistory WHERE MigrationId LIKE '%_CompactHistory'");
        }

        await using var again = await TestServices.StartAsync(dataFolder: folder.Path);
        await again.Get<StepHistoryConversion>().RunAsync(default);

        await AssertReadsBackAsync(again, runs: 2);
    }

    /// <summary>A step added to an old run after the upgrade, which the old rows' checks leave aside.</summary>
    private const string AddedLater = "later";

    private static async Task AssertReadsBackAsync(TestServices services, int runs)
    {
        var store = services.Get<IRunStore>();
        for (var n = 0; n < runs; n++)
        {
            var snapshot = await store.GetSnapshotAsync(LegacyHistory.RunId(n), default);
            Assert.NotNull(snapshot);
            var run = snapshot.Run;
            Assert.Equal(Guid.Parse(LegacyHistory.WorkflowId), run.WorkflowId);
            Assert.Equal(Guid.Parse(LegacyHistory.VersionId), run.VersionId);
            Assert.Equal(1, run.VersionNumber);
            Assert.Equal(RunStatus.Succeeded, run.Status);
            Assert.Equal(RunCause.Webhook, run.Cause);
            Assert.Equal(LegacyHistory.EventId(n), run.CorrelationId);
            Assert.Equal(LegacyHistory.RunOutput, run.OutputJson);
            Assert.Null(run.Error);
            Assert.Equal(n == LegacyHistory.CalledRun ? LegacyHistory.StepId(0, 3) : null, run.ParentStepId);
            Assert.Equal(LegacyHistory.Time(LegacyHistory.CreatedAt), run.CreatedAt);
            Assert.Equal(LegacyHistory.Time(LegacyHistory.StartedAt), run.StartedAt);
            Assert.Equal(LegacyHistory.Time(LegacyHistory.FinishedAt), run.FinishedAt);

            var steps = snapshot.Steps.Where(s => s.NodeId != AddedLater).ToList();
            Assert.Equal(LegacyHistory.Steps.Count, steps.Count);
            foreach (var (stored, index) in steps.Select((s, i) => (s, i)))
            {
                var old = LegacyHistory.Steps[index];
                Assert.Equal(LegacyHistory.StepId(n, index), stored.Id);
                Assert.Equal(LegacyHistory.RunId(n), stored.RunId);
                Assert.Equal(old.NodeId, stored.NodeId);
                Assert.Equal(old.Scope, stored.Scope);
                Assert.Equal(old.Attempt, stored.Attempt);
                Assert.Equal(Enum.Parse<StepStatus>(old.Status), stored.Status);
                Assert.Equal(old.InputJson, stored.InputJson);
                Assert.Equal(old.OutputJson, stored.OutputJson);
                Assert.Equal(old.Port, stored.Port);
                Assert.Equal(old.Error, stored.Error);
                Assert.Equal(LegacyHistory.Time(old.ScheduledAt), stored.ScheduledAt);
                Assert.Equal(LegacyHistory.Time(old.StartedAt), stored.StartedAt);
                Assert.Equal(LegacyHistory.Time(old.FinishedAt), stored.FinishedAt);
            }
        }

        var workflow = await services.Get<IWorkflowStore>().FindAsync(Guid.Parse(LegacyHistory.WorkflowId), default);
        Assert.Equal("Order fulfilment", workflow!.Name);
    }

    [Fact]
    public async Task TheMigrationAndTheStepConversion_LeaveIdsAsSixteenBytes_AndNoTextIdsTimesOrStatusesBehind()
    {
        using var folder = await LegacyFolderAsync(runs: 2);

        await using var services = await TestServices.StartAsync(dataFolder: folder.Path);
        await services.Get<StepHistoryConversion>().RunAsync(default);
        var storage = services.Storage;

        await using var connection = new SqliteConnection($"Data Source={storage.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("blob 16", await ScalarAsync(connection, """SELECT DISTINCT typeof("Id") || ' ' || length("Id") FROM "Runs" """));
        Assert.Equal("blob 16", await ScalarAsync(connection, """SELECT DISTINCT typeof("RunId") || ' ' || length("RunId") FROM "Steps" """));
        Assert.Equal("integer", await ScalarAsync(connection, """SELECT DISTINCT typeof("Id") FROM "Steps" """));
        Assert.Equal("integer", await ScalarAsync(connection, """SELECT DISTINCT typeof("Status") FROM "Steps" """));
        Assert.Equal("integer integer", await ScalarAsync(connection, """SELECT DISTINCT typeof("Status") || ' ' || typeof("Cause") FROM "Runs" """));
        // A step is found by its id through the table's own key: no index of its own.
        Assert.Equal(0L, await ScalarAsync(connection, """SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Steps' AND sql IS NULL"""));
        Assert.Equal("blob 16", await ScalarAsync(connection, """SELECT DISTINCT typeof("VersionId") || ' ' || length("VersionId") FROM "Runs" """));
        Assert.Equal("integer", await ScalarAsync(connection, """SELECT DISTINCT typeof("FinishedAt") FROM "Steps" WHERE "FinishedAt" IS NOT NULL"""));
        Assert.Equal(0L, await ScalarAsync(connection, """SELECT count(*) FROM sqlite_master WHERE name LIKE '%_Before' OR name = 'StepRuns'"""));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM pragma_foreign_key_check"));
    }

    /// <summary>A data folder whose database holds runs as the product wrote them before the compact history.</summary>
    private static async Task<TempDataFolder> LegacyFolderAsync(int runs)
    {
        var folder = new TempDataFolder();
        var storage = new StorageOptions { DataFolder = folder.Path };
        Directory.CreateDirectory(storage.DataFolderPath);
        await LegacyHistory.CreateAsync(storage.DatabasePath, runs);
        return folder;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
