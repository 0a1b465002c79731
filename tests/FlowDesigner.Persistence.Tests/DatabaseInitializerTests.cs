using FlowDesigner.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Persistence.Tests;

public sealed class DatabaseInitializerTests
{
    [Fact]
    public async Task Initialize_CreatesTheSchema_OnAnEmptyFile()
    {
        await using var services = await TestServices.StartAsync();
        await using var db = services.OpenDatabase();

        var tables = await Scalars(db, "SELECT name FROM sqlite_master WHERE type = 'table'");
        Assert.Superset(
            new HashSet<string> { "Workflows", "WorkflowVersions", "Credentials", "Events", "Runs", "Steps", "AuditEntries", "__EFMigrationsHistory" },
            tables.ToHashSet());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(["wal"], await Scalars(db, "PRAGMA journal_mode"));
        Assert.Equal(["2"], await Scalars(db, "PRAGMA auto_vacuum")); // 2 = incremental
        Assert.True(File.Exists(services.Storage.DatabasePath));
    }

    [Fact]
    public async Task Initialize_IsRepeatable_OnAnExistingDatabase()
    {
        await using var services = await TestServices.StartAsync();

        await services.Get<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

        await using var db = services.OpenDatabase();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Initialize_Refuses_ADatabaseWrittenByANewerVersion()
    {
        await using var services = await TestServices.StartAsync();
        await using (var db = services.OpenDatabase())
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_FromTheFuture', '99.0.0')");
        }

        var problem = await Assert.ThrowsAsync<StartupProblemException>(
            () => services.Get<DatabaseInitializer>().InitializeAsync(CancellationToken.None));

        Assert.Contains("newer FlowDesigner", problem.Message);
        Assert.Contains("29991231000000_FromTheFuture", problem.Message);
    }

    [Fact]
    public async Task Initialize_Explains_ADataFolderThatCannotBeWritten()
    {
        using var folder = new TempDataFolder();
        var blocker = Path.Combine(folder.Path, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        await using var provider = Initializer(new StorageOptions { DataFolder = Path.Combine(blocker, "data") }, out var initializer);

        var problem = await Assert.ThrowsAsync<StartupProblemException>(() => initializer.InitializeAsync(CancellationToken.None));

        Assert.Contains("is not writable", problem.Message);
        Assert.Contains("Storage:DataFolder", problem.Message);
    }

    [Fact]
    public async Task Initialize_Explains_AFileThatIsNotADatabase()
    {
        using var folder = new TempDataFolder();
        var options = new StorageOptions { DataFolder = folder.Path };
        await File.WriteAllTextAsync(options.DatabasePath, new string('x', 4096));
        await using var provider = Initializer(options, out var initializer);

        var problem = await Assert.ThrowsAsync<StartupProblemException>(() => initializer.InitializeAsync(CancellationToken.None));

        Assert.Contains(options.DatabasePath, problem.Message);
        SqliteConnection.ClearAllPools();
    }

    private static ServiceProvider Initializer(StorageOptions options, out DatabaseInitializer initializer)
    {
        var provider = new ServiceCollection().AddLogging().AddFlowDesignerPersistence(options).BuildServiceProvider();
        initializer = provider.GetRequiredService<DatabaseInitializer>();
        return provider;
    }

    private static async Task<List<string>> Scalars(FlowDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
