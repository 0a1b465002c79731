using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FlowDesigner.Model.Runs;
using FlowDesigner.Testing;
using FlowDesigner.Web.Operating;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Web.Tests;

/// <summary>The open pages' feed: runs written by the engine reach a listener, and the Runs list and the event stream take them in without reloading.</summary>
public class RunFeedTests : IDisposable
{
    private const string Workflow = """
        { "schema": 1, "name": "Greet", "nodes": [
          { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "feed", "runTitle": "Greet {{ trigger.body.name }}" } },
          { "id": "set", "type": "core.set", "name": "Greeting", "config": { "fields": { "text": "Hello {{ trigger.body.name }}" } } } ],
          "edges": [ { "from": "hook", "port": "out", "to": "set" } ] }
        """;

    private readonly FlowDesignerHost _host;
    private readonly HttpClient _http;

    public RunFeedTests()
        : this(Persistence.StorageProvider.Sqlite)
    {
    }

    /// <param name="provider">The database of the host the tests use.</param>
    protected RunFeedTests(Persistence.StorageProvider provider)
    {
        _host = new FlowDesignerHost { Provider = provider };
        _http = _host.ApiClient();
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        _http.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task ARunsStartAndEnd_ReachAListener_AndTheRunsListTakesThemIn()
    {
        var imported = await _http.PostAsync("/api/workflows", new StringContent(Workflow, Encoding.UTF8, "application/json"));
        var id = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await _http.PostAsJsonAsync($"/api/workflows/{id}/publish", new { });
        var list = _host.Services.GetRequiredService<RunListState>();
        await list.OpenAsync(new Uri(_host.Start(), $"runs?workflow={id}").ToString(), default);
        Assert.Empty(list.Runs);
        var seen = new ConcurrentQueue<IReadOnlySet<Guid>>();
        using var listening = _host.Services.GetRequiredService<RunFeed>().Listen(changed =>
        {
            seen.Enqueue(changed);
            return Task.CompletedTask;
        });

        // The feed starts from where it stands when a page first listens: a run started before then is not news.
        Guid runId;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            var hook = await _http.PostAsJsonAsync("/hooks/feed", new { name = "Ann" });
            runId = (await hook.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
            var waitUntil = DateTime.UtcNow.AddSeconds(5);
            while (!seen.Any(c => c.Contains(runId)) && DateTime.UtcNow < waitUntil)
            {
                await Task.Delay(50);
            }
        }
        while (!seen.Any(c => c.Contains(runId)) && DateTime.UtcNow < deadline);

        Assert.Contains(seen, c => c.Contains(runId));
        var updated = await list.ApplyAsync(seen.SelectMany(c => c).ToHashSet(), default);
        Assert.True(updated);
        Assert.Equal(runId, list.Runs[0].Id);
        Assert.Equal("Greet Ann", list.Runs[0].Title);
        Assert.False(await list.ApplyAsync(new HashSet<Guid> { runId }, default)); // read again, it is as shown
    }

    [Fact]
    public async Task TheEventStream_TakesInNewerEventsOnTop_AndKeepsWhatItShowed()
    {
        var imported = await _http.PostAsync("/api/workflows", new StringContent(Workflow, Encoding.UTF8, "application/json"));
        var id = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await _http.PostAsJsonAsync($"/api/workflows/{id}/publish", new { });
        await _http.PostAsJsonAsync("/hooks/feed", new { name = "Ann" });
        var stream = _host.Services.GetRequiredService<EventListState>();
        await stream.OpenAsync(new Uri(_host.Start(), "events?source=webhook").ToString(), default);
        var shown = Assert.Single(stream.Events);

        Assert.False(await stream.TakeNewerAsync(default));
        await _http.PostAsJsonAsync("/hooks/feed", new { name = "Bob" });
        await _http.PostAsJsonAsync("/hooks/feed", new { name = "Cy" });

        Assert.True(await stream.TakeNewerAsync(default));
        Assert.Equal(3, stream.Events.Count);
        Assert.Equal(shown, stream.Events[^1]);
        Assert.Contains("Cy", stream.Events[0].Payload);
        Assert.Contains("Bob", stream.Events[1].Payload);
    }
}
