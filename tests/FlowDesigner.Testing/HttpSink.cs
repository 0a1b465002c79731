using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Testing;

/// <summary>A real HTTP server on a free loopback port that records every request and answers as a test says.</summary>
public sealed class HttpSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, int, Task>> _handlers = new();

    private HttpSink(WebApplication app) => _app = app;

    public Uri Address { get; private init; } = default!;

    public ConcurrentQueue<SinkRequest> Requests { get; } = new();

    public static async Task<HttpSink> StartAsync()
    {
        HttpSink? sink = null;
        var (app, address) = await LoopbackApp.StartAsync(app => app.Run(context => sink!.HandleAsync(context)));
        sink = new HttpSink(app) { Address = address };
        return sink;
    }

    /// <summary>Answers requests to <paramref name="path"/>; the handler gets the how-many-th call this is (from 1).</summary>
    public void On(string path, Func<HttpContext, int, Task> handler) => _handlers[path] = handler;

    public string Url(string path) => new Uri(Address, path).ToString();

    public IReadOnlyList<SinkRequest> To(string path) => Requests.Where(r => r.Path == path).ToList();

    /// <summary>How many answered calls the sink saw for each idempotency key (a step's: run:node:scope).</summary>
    public Dictionary<string, int> CallsByKey() => Requests.GroupBy(r => r.IdempotencyKey).ToDictionary(g => g.Key, g => g.Count());

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var started = DateTime.UtcNow;
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? "/";
        var call = Requests.Count(r => r.Path == path) + 1;
        if (_handlers.TryGetValue(path, out var handler))
        {
            await handler(context, call);
        }
        else
        {
            await context.Response.WriteAsJsonAsync(new { ok = true, path });
        }

        Requests.Enqueue(new SinkRequest(context.Request.Method, path, body, context.Request.Headers["Idempotency-Key"].ToString(), started, DateTime.UtcNow));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
