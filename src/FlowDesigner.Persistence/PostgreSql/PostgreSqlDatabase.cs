using Npgsql;

namespace FlowDesigner.Persistence.PostgreSql;

/// <summary>
/// Creates the PostgreSQL database the settings name when it does not exist yet, so that everything opening it at
/// start-up (the migrations, the job storage) finds it; two nodes starting together create it once.
/// </summary>
public static class PostgreSqlDatabase
{
    public static void EnsureExists(StorageOptions options)
    {
        var target = new NpgsqlConnectionStringBuilder(options.PostgreSqlConnectionString);
        var name = target.Database ?? target.Username;
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        try
        {
            using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
                create.ExecuteNonQuery();
            }
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // another node created it meanwhile
        }
        catch (NpgsqlException exception)
        {
            throw new StartupProblemException(
                $"The database {options.DatabaseName} cannot be reached: {exception.Message}. Check that the server is running and reachable, and "
                + "the setting Storage:ConnectionString (environment variable Storage__ConnectionString): host, port, database, user and password.", exception);
        }
    }
}
