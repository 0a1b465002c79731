using FlowDesigner.Persistence;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FlowDesigner.Testing;

/// <summary>
/// The throwaway PostgreSQL cluster <c>tests/run.sh</c> starts (its connection string in
/// <c>FLOWDESIGNER_TEST_POSTGRES</c>): each test host gets a database of its own, dropped after it. A new database is
/// a copy of a template made once per cluster and schema (every migration and the job storage's tables applied), so
/// a test pays for a file copy rather than for migrating.
/// </summary>
public static class TestPostgreSql
{
    public const string Variable = "FLOWDESIGNER_TEST_POSTGRES";

    private static readonly Lock Preparing = new();
    private static string? _template;

    public static string ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"The PostgreSQL tests need a server: run them with tests/run.sh, which starts a throwaway one, or set {Variable} "
            + "to a connection string of a server where this user may create databases.");

    /// <summary>Settings for a new database on the test server, its schema in place as the product's start-up would leave it.</summary>
    public static StorageOptions NewDatabase(string dataFolder)
    {
        var name = $"fd_test_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template()}\"");
        return Options(name, dataFolder);
    }

    public static async Task DropAsync(StorageOptions storage)
    {
        var database = new NpgsqlConnectionStringBuilder(storage.ConnectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Maintenance);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Maintenance => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;

    private static StorageOptions Options(string database, string dataFolder) => new()
    {
        Provider = StorageProvider.PostgreSql,
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString,
        DataFolder = dataFolder,
    };

    /// <summary>The template of this schema, made the first time it is asked for (by whichever test process comes first).</summary>
    private static string Template()
    {
        lock (Preparing)
        {
            return _template ??= PrepareTemplate();
        }
    }

    private static string PrepareTemplate()
    {
        var building = Options($"fd_build_{Guid.NewGuid():N}", Path.GetTempPath());
        using var db = Context(building);
        var name = $"fd_template_{db.Database.GetMigrations().Last().ToLowerInvariant()}";
        using var maintenance = new NpgsqlConnection(Maintenance);
        maintenance.Open();
        using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(73105)", maintenance))
        {
            lockCommand.ExecuteNonQuery(); // released when this connection closes
        }

        using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", maintenance) { Parameters = { new() { Value = name } } })
        {
            if (exists.ExecuteScalar() is not null)
            {
                return name;
            }
        }

        db.Database.Migrate(); // creates the database
        var jobs = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true };
        _ = new PostgreSqlStorage(new NpgsqlConnectionFactory(building.PostgreSqlConnectionString, jobs), jobs);
        NpgsqlConnection.ClearAllPools();
        var buildName = new NpgsqlConnectionStringBuilder(building.ConnectionString).Database;
        using var rename = new NpgsqlCommand($"ALTER DATABASE \"{buildName}\" RENAME TO \"{name}\"", maintenance);
        rename.ExecuteNonQuery();
        return name;
    }

    private static FlowDbContext Context(StorageOptions storage) => new(new DbContextOptionsBuilder<FlowDbContext>()
        .UseNpgsql(storage.PostgreSqlConnectionString, npgsql => npgsql.MigrationsAssembly(PersistenceServiceCollectionExtensions.PostgreSqlMigrations))
        .Options);

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Maintenance);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
