using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using FlowDesigner.Engine.Users;
using FlowDesigner.Model.Users;
using FlowDesigner.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Testing;

/// <summary>
/// The real web host, on Kestrel at a free loopback port, with a data folder of its own; on PostgreSQL, with a
/// database of its own on the test server, dropped with the host.
/// </summary>
public sealed class FlowDesignerHost : WebApplicationFactory<Program>
{
    private readonly TempDataFolder _folder = new();

    public FlowDesignerHost()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DataFolder => _folder.Path;

    /// <summary>
    /// The database the host keeps its data in; default SQLite in the data folder, or what the environment variable
    /// <c>FLOWDESIGNER_TEST_PROVIDER</c> names (<c>PostgreSql</c> runs every real-host test, the browser's too, on PostgreSQL).
    /// </summary>
    public Persistence.StorageProvider Provider { get; init; } =
        Enum.TryParse<Persistence.StorageProvider>(Environment.GetEnvironmentVariable("FLOWDESIGNER_TEST_PROVIDER"), ignoreCase: true, out var provider)
            ? provider
            : Persistence.StorageProvider.Sqlite;

    private Persistence.StorageOptions? _postgreSql;

    /// <summary>More settings for the host, such as <c>Storage:KeyStore</c>.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>Where the host's log entries also go, at every level the settings let through. Default none.</summary>
    public ILoggerProvider? Logs { get; init; }

    /// <summary>Whether the owner (<see cref="TestOwner"/>) is created at start-up from the Owner settings. Default true.</summary>
    public bool WithOwner { get; init; } = true;

    /// <summary>Whether steps may call loopback addresses (the sinks and vendor fakes of the tests); default true.</summary>
    public bool AllowLoopback { get; init; } = true;

    /// <summary>A client of the host signed in to <c>/api</c> with a personal token of a user of that role (the owner for Admin).</summary>
    public HttpClient ApiClient(Role role = Role.Admin) => ApiClientAsync(role).GetAwaiter().GetResult();

    public async Task<HttpClient> ApiClientAsync(Role role = Role.Admin)
    {
        var address = Start();
        var user = role == Role.Admin ? TestOwner.Email : await CreateUserAsync(role);
        await using var scope = Services.CreateAsyncScope();
        var owner = await scope.ServiceProvider.GetRequiredService<UserAccounts>().FindByEmailAsync(user)
            ?? throw new InvalidOperationException($"No user {user}: is the host started WithOwner?");
        var (_, token) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(owner.Id, "tests", null, Actor.System, CancellationToken.None);
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates a user of the role (once per role) with <see cref="TestOwner.Password"/>; returns their email.</summary>
    public async Task<string> CreateUserAsync(Role role)
    {
        Start();
        var email = $"{role.ToString().ToLowerInvariant()}@flowdesigner.test";
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        if (await accounts.FindByEmailAsync(email) is null)
        {
            var (_, errors) = await accounts.CreateAsync(email, $"Test {role}", TestOwner.Password, role, Actor.System, CancellationToken.None);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException(string.Join(" ", errors));
            }
        }

        return email;
    }

    /// <summary>Starts the host (once) and returns the address it listens on.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataFolder", _folder.Path);
        if (Provider == Persistence.StorageProvider.Sqlite)
        {
            SqliteTemplate.CopyInto(new Persistence.StorageOptions { DataFolder = _folder.Path });
        }
        else
        {
            _postgreSql ??= TestPostgreSql.NewDatabase(_folder.Path);
            builder.UseSetting("Storage:Provider", _postgreSql.Provider.ToString());
            builder.UseSetting("Storage:ConnectionString", _postgreSql.ConnectionString);
        }

        builder.UseSetting("BackgroundJobs:Workers", "2");
        if (Logs is { } logs)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }

        IEnumerable<KeyValuePair<string, string>> none = [];
        var defaults = (WithOwner ? TestOwner.Settings : none).Concat(AllowLoopback ? LoopbackNetworks.Settings : none);
        foreach (var (key, value) in defaults.Concat(Settings))
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            QuietHangfireLog.Install();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (_postgreSql is { } database)
            {
                TestPostgreSql.DropAsync(database).GetAwaiter().GetResult();
            }

            _folder.Dispose();
        }
    }
}
