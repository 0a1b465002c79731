using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Testing.Fakes;

/// <summary>
/// What every fake vendor shares: a real Kestrel app on a loopback port, a log of the requests it received, and a
/// switch to answer the next requests with an error of the vendor's own shape.
/// </summary>
public abstract class FakeVendor : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _failures = new();
    private WebApplication? _app;

    public Uri Address { get; private set; } = default!;

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>The requests whose path starts with <paramref name="prefix"/>.</summary>
    public IReadOnlyList<FakeRequest> To(string prefix) => [.. Requests.Where(r => r.Path.StartsWith(prefix, StringComparison.Ordinal))];

    /// <summary>The next request (after sign-in) is answered by <paramref name="answer"/> instead.</summary>
    public void FailNext(Func<HttpContext, Task> answer) => _failures.Enqueue(answer);

    public string Url(string path) => new Uri(Address, path).ToString().TrimEnd('/');

    protected async Task StartAsync()
    {
        (_app, Address) = await LoopbackApp.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                context.Request.EnableBuffering();
                using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
                var body = await reader.ReadToEndAsync();
                context.Request.Body.Position = 0;
                Requests.Enqueue(new FakeRequest(
                    context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? "",
                    context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, context.Request.ContentType, body)
                {
                    Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                });
                await next();
            });
            Map(app);
        });
    }

    /// <summary>Answers with a queued failure, if any; true when it did.</summary>
    protected async Task<bool> TryFailAsync(HttpContext context)
    {
        if (_failures.TryDequeue(out var failure))
        {
            await failure(context);
            return true;
        }

        return false;
    }

    protected abstract void Map(WebApplication app);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
