using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Benchmarks;

/// <summary>The systems the order goes to, as a local HTTP server: it reads each body and answers a small JSON object.</summary>
public sealed class Sink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _requests;

    private Sink(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = default!;

    public long Requests => Interlocked.Read(ref _requests);

    public static async Task<Sink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var sink = new Sink(app);
        app.Run(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref sink._requests);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"id\":\"ok\",\"success\":true}");
        });
        await app.StartAsync();
        sink.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return sink;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
