namespace FlowDesigner.Persistence;

/// <summary>Where FlowDesigner keeps its data; the <c>Storage</c> section of the settings.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The folder for the SQLite database and the Data Protection keys. Default <c>data</c>, relative to the working folder.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>The SQLite database file's name inside <see cref="DataFolder"/>. Default <c>flowdesigner.db</c>.</summary>
    public string DatabaseFile { get; set; } = "flowdesigner.db";

    /// <summary>
    /// Where the Data Protection keys that encrypt credentials are kept: <c>folder</c> (default, <c>keys</c> beside the
    /// database) or <c>database</c>, so that every node of a scale-out decrypts the same credentials.
    /// </summary>
    public string KeyStore { get; set; } = "folder";

    public string DataFolderPath => Path.GetFullPath(DataFolder);

    public string DatabasePath => Path.Combine(DataFolderPath, DatabaseFile);

    public string KeysFolderPath => Path.Combine(DataFolderPath, "keys");

    public string ConnectionString => $"Data Source={DatabasePath};Pooling=True;Default Timeout=30";
}
