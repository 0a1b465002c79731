using FlowDesigner.Persistence;
using Npgsql;

namespace FlowDesigner.Testing;

/// <summary>
/// The throwaway PostgreSQL cluster <c>tests/run.sh</c> starts (its connection string in
/// <c>FLOWDESIGNER_TEST_POSTGRES</c>): each test host gets a database of its own, dropped after it.
/// </summary>
public static class TestPostgreSql
{
    public const string Variable = "FLOWDESIGNER_TEST_POSTGRES";

    public static string ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"The PostgreSQL tests need a server: run them with tests/run.sh, which starts a throwaway one, or set {Variable} "
            + "to a connection string of a server where this user may create databases.");

    /// <summary>Settings for a new, empty database on the test server (created when the host first opens it).</summary>
    public static StorageOptions NewDatabase(string dataFolder) => new()
    {
        Provider = StorageProvider.PostgreSql,
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = $"fd_test_{Guid.NewGuid():N}" }.ConnectionString,
        DataFolder = dataFolder,
    };

    public static async Task DropAsync(StorageOptions storage)
    {
        var database = new NpgsqlConnectionStringBuilder(storage.ConnectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
