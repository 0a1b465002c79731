using FlowDesigner.Connectors;
using FlowDesigner.Engine;
using FlowDesigner.Engine.Runtime;
using FlowDesigner.Persistence;
using FlowDesigner.Web.Extensions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Testing;

/// <summary>
/// The product's services (catalog, stores, engine, and optionally real Hangfire workers) in a host of their own,
/// on a real SQLite file in a data folder, or a database of its own on the test PostgreSQL server, migrated as at start-up.
/// </summary>
public sealed class TestServices : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TempDataFolder? _ownedFolder;

    private readonly bool _ownsDatabase;

    private TestServices(IHost host, StorageOptions storage, TempDataFolder? ownedFolder, bool ownsDatabase)
    {
        _host = host;
        Storage = storage;
        _ownedFolder = ownedFolder;
        _ownsDatabase = ownsDatabase;
    }

    public IServiceProvider Provider => _host.Services;

    public StorageOptions Storage { get; }

    public string DataFolder => Storage.DataFolderPath;

    /// <param name="jobs">Run real Hangfire workers in this host (in-memory storage with SQLite, the database's with PostgreSQL).</param>
    /// <param name="dataFolder">An existing data folder to open (to start a second host on the same database); default a new one.</param>
    /// <param name="provider">The database of a new host.</param>
    /// <param name="storage">The storage of a host started before, to start a second one on the same database.</param>
    public static async Task<TestServices> StartAsync(
        bool jobs = false,
        string? dataFolder = null,
        Action<IServiceCollection>? configure = null,
        StorageProvider provider = StorageProvider.Sqlite,
        StorageOptions? storage = null)
    {
        QuietHangfireLog.Install();
        var owned = dataFolder is null && storage is null ? new TempDataFolder() : null;
        var ownsDatabase = storage is null && provider == StorageProvider.PostgreSql;
        storage ??= provider == StorageProvider.PostgreSql
            ? TestPostgreSql.NewDatabase(dataFolder ?? owned!.Path)
            : new StorageOptions { DataFolder = dataFolder ?? owned!.Path };
        SqliteTemplate.CopyInto(storage);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(LoopbackNetworks.Settings!);
        builder.Services.AddSingleton(new EngineOptions { RecoveryIntervalSeconds = 3600 });
        builder.Services.AddFlowDesignerPersistence(storage);
        builder.Services.AddFlowDesignerEngine(BuiltInNodes.Assembly);
        builder.Services.AddFlowDesignerConnectors();
        builder.Services.AddHttpClient();
        builder.Services.AddDataProtection().SetApplicationName("FlowDesigner").PersistKeysToFileSystem(new DirectoryInfo(storage.KeysFolderPath));
        if (jobs)
        {
            builder.Services.AddFlowDesignerJobs(storage, workers: 8, schedulePolling: TimeSpan.FromMilliseconds(100));
        }
        else
        {
            builder.Services.AddSingleton<Hangfire.JobStorage>(new Hangfire.InMemory.InMemoryStorage());
            builder.Services.AddSingleton<Hangfire.IBackgroundJobClient>(p => new Hangfire.BackgroundJobClient(p.GetRequiredService<Hangfire.JobStorage>()));
            builder.Services.AddSingleton<Hangfire.IRecurringJobManager>(p => new Hangfire.RecurringJobManager(p.GetRequiredService<Hangfire.JobStorage>()));
            builder.Services.RemoveAll<IHostedService>();
        }

        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        await host.StartAsync();
        return new TestServices(host, storage, owned, ownsDatabase);
    }

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>An open connection of the database's own provider, to read rows as they are stored (parameters named <c>@name</c>).</summary>
    public async Task<System.Data.Common.DbConnection> OpenConnectionAsync()
    {
        System.Data.Common.DbConnection connection = Storage.IsPostgreSql
            ? new Npgsql.NpgsqlConnection(Storage.PostgreSqlConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(Storage.SqliteConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A context on the same database, to look at what the services wrote.</summary>
    public FlowDbContext OpenDatabase() => Get<IDbContextFactory<FlowDbContext>>().CreateDbContext();

    /// <summary>Stops the host as a shutdown would: workers are asked to stop, in-flight jobs are abandoned.</summary>
    public async Task StopAsync()
    {
        using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _host.StopAsync(quick.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
        QuietHangfireLog.Install();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDatabase)
        {
            await TestPostgreSql.DropAsync(Storage);
        }

        _ownedFolder?.Dispose();
    }
}
