using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FlowDesigner.Testing;

namespace FlowDesigner.Web.Tests;

/// <summary>The event stream and causal chains through the API, on a real host: webhook → run → emitted events → the runs they start.</summary>
public class EventApiTests : IDisposable
{
    private const string Orders = """
        { "schema": 1, "name": "Orders", "nodes": [
          { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "orders" } },
          { "id": "accepted", "type": "core.emit-event", "name": "Accepted", "config": { "eventName": "order.accepted", "payload": { "id": "{{ trigger.body.id }}" } } },
          { "id": "unheard", "type": "core.emit-event", "name": "Unheard", "config": { "eventName": "order.unheard" } } ],
          "edges": [ { "from": "hook", "port": "out", "to": "accepted" }, { "from": "accepted", "port": "out", "to": "unheard" } ] }
        """;

    private const string Notify = """
        { "schema": 1, "name": "Notify", "nodes": [
          { "id": "on", "type": "core.on-event", "name": "On accepted", "config": { "eventName": "order.accepted" } },
          { "id": "keep", "type": "core.set", "name": "Keep", "config": { "fields": { "id": "{{ trigger.id }}" } } } ],
          "edges": [ { "from": "on", "port": "out", "to": "keep" } ] }
        """;

    private readonly FlowDesignerHost _host;
    private readonly HttpClient _http;

    public EventApiTests()
        : this(Persistence.StorageProvider.Sqlite)
    {
    }

    /// <param name="provider">The database of the host the tests use.</param>
    protected EventApiTests(Persistence.StorageProvider provider)
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
    public async Task TheChain_OfAWebhookEvent_ReadsBackAsATree_AndAnEventNothingSubscribesTo_IsALeaf()
    {
        var notify = await PublishAsync(Notify);
        var orders = await PublishAsync(Orders);
        await _http.PostAsJsonAsync("/hooks/orders", new { id = 7 });
        var notified = await WaitForRunAsync(notify);
        var ordered = (await _http.GetFromJsonAsync<JsonElement>($"/api/runs?workflow={orders}")).GetProperty("runs")[0].GetProperty("id").GetGuid();

        var webhookEvents = await _http.GetFromJsonAsync<JsonElement>("/api/events?source=webhook");
        var received = Assert.Single(webhookEvents.GetProperty("events").EnumerateArray());
        var chain = await _http.GetFromJsonAsync<JsonElement>($"/api/events/{received.GetProperty("id").GetGuid()}/chain");
        var ofRun = await _http.GetFromJsonAsync<JsonElement>($"/api/runs/{ordered}/chain");

        Assert.Equal(("webhook", "webhook", "POST /hooks/orders"), (received.GetProperty("type").GetString(), received.GetProperty("source").GetString(), received.GetProperty("from").GetString()));
        Assert.Contains("\"id\":7", received.GetProperty("payload").GetString());
        Assert.Equal((5, false), (chain.GetProperty("count").GetInt32(), chain.GetProperty("truncated").GetBoolean()));
        var nodes = chain.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(received.GetProperty("id").GetGuid(), chain.GetProperty("root").GetGuid());
        Assert.Equal(
            [("event", 0, "webhook"), ("run", 1, "Orders"), ("event", 2, "order.accepted"), ("run", 3, "Notify"), ("event", 2, "order.unheard")],
            nodes.Select(n => (n.GetProperty("kind").GetString()!, n.GetProperty("depth").GetInt32(), n.GetProperty(n.GetProperty("kind").GetString() == "run" ? "workflow" : "type").GetString()!)));
        Assert.Equal(
            [null, nodes[0].GetProperty("id").GetGuid(), ordered, nodes[2].GetProperty("id").GetGuid(), ordered],
            nodes.Select(n => n.GetProperty("parent").ValueKind == JsonValueKind.Null ? (Guid?)null : n.GetProperty("parent").GetGuid()));
        Assert.Equal((ordered, "succeeded", "webhook"), (nodes[1].GetProperty("id").GetGuid(), nodes[1].GetProperty("status").GetString(), nodes[1].GetProperty("cause").GetString()));
        Assert.Equal((notified, "succeeded", "event"), (nodes[3].GetProperty("id").GetGuid(), nodes[3].GetProperty("status").GetString(), nodes[3].GetProperty("cause").GetString()));
        Assert.All([nodes[2], nodes[4]], e => Assert.Equal("run", e.GetProperty("source").GetString()));
        Assert.Equal(0, nodes[4].GetProperty("caused").GetInt32()); // emitted, and nothing subscribes: a leaf
        Assert.Equal(
            nodes.Skip(1).Select(n => n.GetProperty("id").GetGuid()),
            ofRun.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task TheStream_FiltersByNameAndSource_AndPagesByKeyset()
    {
        await PublishAsync(Orders);
        foreach (var id in new[] { 1, 2, 3 })
        {
            await _http.PostAsJsonAsync("/hooks/orders", new { id });
        }

        await WaitForAsync(async () => (await _http.GetFromJsonAsync<JsonElement>("/api/events?name=order.unheard")).GetProperty("events").GetArrayLength() == 3);
        var first = await _http.GetFromJsonAsync<JsonElement>("/api/events?source=run&take=4");
        var second = await _http.GetFromJsonAsync<JsonElement>($"/api/events?source=run&take=4&after={first.GetProperty("next").GetGuid()}");
        var accepted = await _http.GetFromJsonAsync<JsonElement>("/api/events?name=order.accepted");

        Assert.Equal((4, 2), (first.GetProperty("events").GetArrayLength(), second.GetProperty("events").GetArrayLength()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        var ids = first.GetProperty("events").EnumerateArray().Concat(second.GetProperty("events").EnumerateArray()).Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal(["{\"id\":1}", "{\"id\":2}", "{\"id\":3}"], accepted.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("payload").GetString()).Order());
    }

    [Fact]
    public async Task ABadQuery_OrAnUnknownId_IsAProblemSayingWhatIsWrong_NotAnError()
    {
        var bad = await _http.GetAsync("/api/events?source=pigeon&take=9999&from=soon&after=x");
        var noEvent = await _http.GetAsync($"/api/events/{Guid.NewGuid()}/chain");
        var noRun = await _http.GetAsync($"/api/runs/{Guid.NewGuid()}/chain");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var detail = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("'source' must be one of Webhook, Schedule, Poll, Run, Manual, not 'pigeon'", detail);
        Assert.Contains("'take' must be a whole number from 1 to 500", detail);
        Assert.Contains("'from' must be a time", detail);
        Assert.Contains("'after' must be an id", detail);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (noEvent.StatusCode, noRun.StatusCode));
        Assert.Contains("No such event", await noEvent.Content.ReadAsStringAsync());
    }

    private async Task<Guid> PublishAsync(string definition)
    {
        var imported = await _http.PostAsync("/api/workflows", new StringContent(definition, Encoding.UTF8, "application/json"));
        var id = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var published = await _http.PostAsJsonAsync($"/api/workflows/{id}/publish", new { note = "first" });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return id;
    }

    private async Task<Guid> WaitForRunAsync(Guid workflowId)
    {
        Guid runId = default;
        await WaitForAsync(async () =>
        {
            var runs = (await _http.GetFromJsonAsync<JsonElement>($"/api/runs?workflow={workflowId}&status=succeeded")).GetProperty("runs");
            runId = runs.GetArrayLength() > 0 ? runs[0].GetProperty("id").GetGuid() : default;
            return runId != default;
        });
        await WaitForAsync(async () => (await _http.GetFromJsonAsync<JsonElement>("/api/events?source=run")).GetProperty("events").GetArrayLength() >= 2);
        return runId;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true in time");
            await Task.Delay(50);
        }
    }
}
