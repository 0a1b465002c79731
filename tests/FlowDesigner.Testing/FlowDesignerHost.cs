using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Testing;

/// <summary>The real web host, on Kestrel at a free loopback port, with a data folder of its own.</summary>
public sealed class FlowDesignerHost : WebApplicationFactory<Program>
{
    private readonly TempDataFolder _folder = new();

    public FlowDesignerHost()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DataFolder => _folder.Path;

    /// <summary>More settings for the host, such as <c>Storage:KeyStore</c>.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

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
        builder.UseSetting("BackgroundJobs:Workers", "2");
        foreach (var (key, value) in Settings)
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
            _folder.Dispose();
        }
    }
}
