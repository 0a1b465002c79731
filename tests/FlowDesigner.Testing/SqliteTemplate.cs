using FlowDesigner.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Testing;

/// <summary>
/// A SQLite database made by the product's own start-up (every migration applied) once per test process, and copied
/// into each new data folder a test host opens, so that a test pays for a file copy rather than for migrating. A data
/// folder that has a database already (a test's old-format file, a restart) is left as it is.
/// </summary>
public static class SqliteTemplate
{
    private static readonly Lazy<string> Made = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void CopyInto(StorageOptions storage)
    {
        if (storage.IsPostgreSql || File.Exists(storage.DatabasePath))
        {
            return;
        }

        Directory.CreateDirectory(storage.DataFolderPath);
        File.Copy(Made.Value, storage.DatabasePath);
    }

    private static string Make()
    {
        var folder = Directory.CreateTempSubdirectory("flowdesigner-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var storage = new StorageOptions { DataFolder = folder };
        using (var services = new ServiceCollection().AddLogging().AddFlowDesignerPersistence(storage).BuildServiceProvider())
        {
            services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        using (var connection = new SqliteConnection(storage.SqliteConnectionString))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)"; // the whole database in its one file
            checkpoint.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        return storage.DatabasePath;
    }
}
