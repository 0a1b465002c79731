namespace FlowDesigner.Testing;

/// <summary>A fresh data folder under the system's temp folder, removed with everything in it on dispose.</summary>
public sealed class TempDataFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("flowdesigner-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file open: the temp folder is cleaned by the system later.
        }
    }
}
