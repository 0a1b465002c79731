using FlowDesigner.Connectors;
using FlowDesigner.Engine;
using FlowDesigner.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlowDesigner.Testing;

/// <summary>
/// The product's services (catalog, stores, application services) on a real SQLite file in a temporary data folder,
/// migrated as at start-up.
/// </summary>
public sealed class TestServices : IAsyncDisposable
{
    private readonly TempDataFolder _folder;

    private TestServices(ServiceProvider provider, StorageOptions storage, TempDataFolder folder)
    {
        Provider = provider;
        Storage = storage;
        _folder = folder;
    }

    public ServiceProvider Provider { get; }

    public StorageOptions Storage { get; }

    public string DataFolder => Storage.DataFolderPath;

    public static async Task<TestServices> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var folder = new TempDataFolder();
        var storage = new StorageOptions { DataFolder = folder.Path };
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddFlowDesignerPersistence(storage);
        services.AddFlowDesignerEngine(BuiltInNodes.Assembly);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        return new TestServices(provider, storage, folder);
    }

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>A context on the same database, to look at what the services wrote.</summary>
    public FlowDbContext OpenDatabase() => Get<IDbContextFactory<FlowDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
