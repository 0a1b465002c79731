using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Benchmarks;

/// <summary>The systems the order goes to, as a local HTTP server: it reads each body and answers a small JSON object.</summary>
public sealed class Sink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _requests;

    private Sink(WebApplication app) => _app = app;

    public Uri Address { get; private init; } = default!;

    public long Requests => Interlocked.Read(ref _requests);

    public static async Task<Sink> StartAsync()
    {
        Sink? sink = null;
        var (app, address) = await Testing.LoopbackApp.StartAsync(app => app.Run(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref sink!._requests);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"id\":\"ok\",\"success\":true}");
        }));
        sink = new Sink(app) { Address = address };
        return sink;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
