namespace FlowDesigner.Persistence;

/// <summary>The database the product keeps its data in.</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file under the data folder: the embedded default, one process.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database that several FlowDesigner processes share (scale-out).</summary>
    PostgreSql,
}
