using Npgsql;

namespace FlowDesigner.Persistence;

/// <summary>Where FlowDesigner keeps its data; the <c>Storage</c> section of the settings.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The database: <see cref="StorageProvider.Sqlite"/> (default) or <see cref="StorageProvider.PostgreSql"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>PostgreSQL's connection string (<c>Host=...;Database=...;Username=...;Password=...</c>); unused with SQLite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The folder for the SQLite database and the Data Protection keys. Default <c>data</c>, relative to the working folder.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>The SQLite database file's name inside <see cref="DataFolder"/>. Default <c>flowdesigner.db</c>.</summary>
    public string DatabaseFile { get; set; } = "flowdesigner.db";

    /// <summary>
    /// Where the Data Protection keys that encrypt credentials are kept: <c>folder</c> (<c>keys</c> beside the
    /// database) or <c>database</c>, so that every node of a scale-out decrypts the same credentials. Default: the
    /// folder with SQLite, the database with PostgreSQL.
    /// </summary>
    public string? KeyStore { get; set; }

    public bool IsPostgreSql => Provider == StorageProvider.PostgreSql;

    public bool KeysInDatabase => KeyStore is { } store ? string.Equals(store, "database", StringComparison.OrdinalIgnoreCase) : IsPostgreSql;

    public string DataFolderPath => Path.GetFullPath(DataFolder);

    public string DatabasePath => Path.Combine(DataFolderPath, DatabaseFile);

    public string KeysFolderPath => Path.Combine(DataFolderPath, "keys");

    public string SqliteConnectionString => $"Data Source={DatabasePath};Pooling=True;Default Timeout=30";

    /// <summary>PostgreSQL's connection string, or a clear error naming the setting when it is missing or malformed.</summary>
    public string PostgreSqlConnectionString
    {
        get
        {
            if (string.IsNullOrWhiteSpace(ConnectionString))
            {
                throw new StartupProblemException(
                    "Storage:Provider is PostgreSql but Storage:ConnectionString is empty. Set it (environment variable "
                    + "Storage__ConnectionString), for example Host=db;Database=flowdesigner;Username=flowdesigner;Password=...");
            }

            try
            {
                return new NpgsqlConnectionStringBuilder(ConnectionString).ConnectionString;
            }
            catch (ArgumentException exception)
            {
                throw new StartupProblemException($"Storage:ConnectionString is not a PostgreSQL connection string: {exception.Message}", exception);
            }
        }
    }

    /// <summary>The database as messages name it: SQLite's file, or PostgreSQL's database and host (never its password).</summary>
    public string DatabaseName
    {
        get
        {
            if (!IsPostgreSql)
            {
                return DatabasePath;
            }

            var builder = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionString);
            return $"PostgreSQL '{builder.Database ?? builder.Username}' on {builder.Host}:{builder.Port}";
        }
    }
}
