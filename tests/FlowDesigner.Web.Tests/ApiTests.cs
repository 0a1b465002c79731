using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FlowDesigner.Persistence;
using FlowDesigner.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Web.Tests;

public class ApiTests : IDisposable
{
    private const string Workflow = """
        { "schema": 1, "name": "Greet", "nodes": [
          { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "greet", "respond": "whenFinished", "responseTimeoutSeconds": 15 } },
          { "id": "set", "type": "core.set", "name": "Greeting", "config": { "fields": { "text": "Hello {{ trigger.body.name }}" } } } ],
          "edges": [ { "from": "hook", "port": "out", "to": "set" } ] }
        """;

    private readonly FlowDesignerHost _host;
    private readonly HttpClient _http;

    public ApiTests()
        : this(Persistence.StorageProvider.Sqlite)
    {
    }

    /// <param name="provider">The database of the host the tests use.</param>
    protected ApiTests(Persistence.StorageProvider provider)
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
    public async Task Api_ImportsPublishesAndRuns_AndTheWebhookAnswersWithTheOutput_AndTheRunsStepsCarryTheirNames()
    {
        var imported = await _http.PostAsync("/api/workflows", new StringContent(Workflow, Encoding.UTF8, "application/json"));
        var id = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var published = await _http.PostAsJsonAsync($"/api/workflows/{id}/publish", new { note = "first" });
        var hook = await _http.PostAsJsonAsync("/hooks/greet", new { name = "Ann" });

        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hook.StatusCode);
        Assert.Equal("Hello Ann", (await hook.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString());

        var runs = await _http.GetFromJsonAsync<JsonElement>($"/api/workflows/{id}/runs");
        var runId = runs[0].GetProperty("id").GetGuid();
        var run = await _http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");
        Assert.Equal("Succeeded", run.GetProperty("run").GetProperty("status").GetString());
        var steps = run.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["Hook", "Greeting"], steps.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["core.webhook", "core.set"], steps.Select(s => s.GetProperty("type").GetString()));
        Assert.Equal("set", steps[1].GetProperty("nodeId").GetString());
    }

    [Fact]
    public async Task RunList_FiltersAndPages_AndABadQueryIsAProblemNamingTheParameter_NotAnError()
    {
        var imported = await _http.PostAsync("/api/workflows", new StringContent(Workflow, Encoding.UTF8, "application/json"));
        var id = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await _http.PostAsJsonAsync($"/api/workflows/{id}/publish", new { note = "first" });
        foreach (var name in new[] { "Ann", "Bob", "Cy" })
        {
            await _http.PostAsJsonAsync("/hooks/greet", new { name });
        }

        var first = await _http.GetFromJsonAsync<JsonElement>($"/api/runs?workflow={id}&status=succeeded&cause=Webhook&take=2");
        var next = first.GetProperty("next").GetGuid();
        var second = await _http.GetFromJsonAsync<JsonElement>($"/api/runs?workflow={id}&status=Succeeded&take=2&after={next}");
        var failed = await _http.GetFromJsonAsync<JsonElement>($"/api/runs?workflow={id}&status=Failed");
        var bad = await _http.GetAsync("/api/runs?status=Done&take=0&after=yesterday");

        Assert.Equal(2, first.GetProperty("runs").GetArrayLength());
        Assert.Equal(1, second.GetProperty("runs").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.Equal(0, failed.GetProperty("runs").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var detail = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("'status' must be one of Pending, Running, Waiting, Succeeded, Failed, Cancelled, not 'Done'", detail);
        Assert.Contains("'take' must be a whole number from 1 to 500", detail);
        Assert.Contains("'after' must be an id", detail);
    }

    [Fact]
    public async Task Publish_RefusesAJsonSettingThatIsNotJson_NamingIt_AndMakesNoVersion()
    {
        var workflow = """
            { "schema": 1, "name": "Answer", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "answer", "respond": "whenFinished" } },
              { "id": "answer", "type": "core.respond", "name": "Respond", "config": { "body": "{ \"ok\": true, \"upstream\": }" } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "answer" } ] }
            """;
        var imported = await _http.PostAsync("/api/workflows", new StringContent(workflow, Encoding.UTF8, "application/json"));
        var id = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var before = await TableCountsAsync();

        var published = await _http.PostAsJsonAsync($"/api/workflows/{id}/publish", new { });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, published.StatusCode);
        var problem = await published.Content.ReadFromJsonAsync<JsonElement>();
        var issue = Assert.Single(problem.GetProperty("issues").EnumerateArray());
        Assert.Equal("invalid-json", issue.GetProperty("code").GetString());
        Assert.StartsWith("'Respond' › Response body: This is not valid JSON", issue.GetProperty("message").GetString());
        Assert.Equal(before, await TableCountsAsync());
    }

    [Theory]
    [InlineData("POST", "/hooks/", "No webhook path")]
    [InlineData("POST", "/hooks", "No webhook path")]
    [InlineData("POST", "/api/nope", "No such API endpoint")]
    [InlineData("GET", "/api/nope/deeper", "No such API endpoint")]
    [InlineData("POST", "/api/workflows/not-a-guid/publish", "No such API endpoint")]
    public async Task AnAddressNothingAnswers_Gets404ProblemDetails_AndStartsNothing(string method, string path, string title)
    {
        var before = await TableCountsAsync();

        var answer = await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") });

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(title, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(before, await TableCountsAsync());
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })] // no UTF-8 at all, in a value
    [InlineData(new byte[] { 0xC0, 0xAF })] // an overlong encoding of '/'
    public async Task AWebhookBody_ThatIsNotUtf8_Gets400_AndStartsNothing(byte[] bad)
    {
        var imported = await _http.PostAsync("/api/workflows", new StringContent(Workflow, Encoding.UTF8, "application/json"));
        var id = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await _http.PostAsJsonAsync($"/api/workflows/{id}/publish", new { });
        byte[][] bodies = [[.. "{\"name\":\""u8, .. bad, .. "\"}"u8], [.. "{\""u8, .. bad, .. "\":1}"u8]];
        var before = await TableCountsAsync();

        foreach (var body in bodies)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            var answer = await _http.PostAsync("/hooks/greet", content);

            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Contains("not valid UTF-8", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        Assert.Equal(before, await TableCountsAsync());
    }

    [Theory]
    [InlineData("\"position\": { \"x\": 1e309, \"y\": 0 }", "nodes[0].position.x")]
    [InlineData("\"position\": { \"x\": 0, \"y\": -1000001 }", "nodes[0].position.y")]
    [InlineData("\"config\": { \"path\": \"LONG\" }", "nodes[0].config.path")]
    public async Task AnImport_PastALimit_Gets400NamingTheField_AndWritesNothing(string part, string field)
    {
        var json = $$"""
            { "schema": 1, "name": "Too much", "nodes": [ { "id": "hook", "type": "core.webhook", "name": "Hook", {{part.Replace("LONG", new string('a', 300 * 1024))}} } ], "edges": [] }
            """;
        var before = await TableCountsAsync();

        var answer = await _http.PostAsync("/api/workflows", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(field, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(before, await TableCountsAsync());
    }

    [Fact]
    public async Task AnImport_WithANodeNameOfAMegabyte_Gets400SayingTheLimit()
    {
        var json = Workflow.Replace("\"name\": \"Hook\"", $"\"name\": \"{new string('n', 1024 * 1024)}\"");
        var before = await TableCountsAsync();

        var answer = await _http.PostAsync("/api/workflows", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("nodes[0].name: A node's name may be at most 200 characters", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(before, await TableCountsAsync());
    }

    [Fact]
    public async Task Cancel_StopsTheWaitingStep_AndDeactivate_StopsTheTrigger()
    {
        var slow = Workflow.Replace("\"respond\": \"whenFinished\", ", "").Replace(
            "{ \"id\": \"set\", \"type\": \"core.set\"", "{ \"id\": \"wait\", \"type\": \"core.delay\", \"name\": \"Wait\", \"config\": { \"seconds\": 60 } }, { \"id\": \"set\", \"type\": \"core.set\"")
            .Replace("{ \"from\": \"hook\", \"port\": \"out\", \"to\": \"set\" }", "{ \"from\": \"hook\", \"port\": \"out\", \"to\": \"wait\" }, { \"from\": \"wait\", \"port\": \"out\", \"to\": \"set\" }");
        var imported = await _http.PostAsync("/api/workflows", new StringContent(slow, Encoding.UTF8, "application/json"));
        var id = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await _http.PostAsJsonAsync($"/api/workflows/{id}/publish", new { });
        var hook = await _http.PostAsJsonAsync("/hooks/greet", new { name = "Bob" });
        var runId = (await hook.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        await WaitForAsync(async () => (await _http.GetStringAsync($"/api/runs/{runId}")).Contains("\"Waiting\""));

        var cancelled = await _http.PostAsync($"/api/runs/{runId}/cancel", null);
        var again = await _http.PostAsync($"/api/runs/{runId}/cancel", null);
        var run = await _http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");
        var deactivated = await _http.PostAsync($"/api/workflows/{id}/deactivate", null);
        var afterDeactivate = await _http.PostAsJsonAsync("/hooks/greet", new { name = "Cy" });

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.Conflict), (cancelled.StatusCode, again.StatusCode));
        Assert.Equal("Cancelled", run.GetProperty("run").GetProperty("status").GetString());
        Assert.All(run.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("nodeId").GetString() == "wait"),
            s => Assert.Equal("Cancelled", s.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, deactivated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterDeactivate.StatusCode);
    }

    [Fact]
    public async Task RetryReplayAndBulkRetry_AnswerWithTheNewRun_AndABadRequestIsAProblemThatChangesNothing()
    {
        var failing = """
            { "schema": 1, "name": "Refuse", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "refuse" } },
              { "id": "stop", "type": "core.fail", "name": "Refuse", "config": { "message": "Order {{ trigger.body.order }} refused" } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "stop" } ] }
            """;
        var imported = await _http.PostAsync("/api/workflows", new StringContent(failing, Encoding.UTF8, "application/json"));
        var id = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await _http.PostAsJsonAsync($"/api/workflows/{id}/publish", new { });
        var runId = (await (await _http.PostAsJsonAsync("/hooks/refuse", new { order = 1042 })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        await WaitForAsync(async () => (await _http.GetStringAsync($"/api/runs/{runId}")).Contains("\"status\":\"Failed\",\"cause\""));
        var before = await TableCountsAsync();

        var bad = new[]
        {
            await _http.PostAsync($"/api/runs/{runId}/replay", new StringContent("{not json", Encoding.UTF8, "application/json")),
            await _http.PostAsJsonAsync($"/api/runs/{runId}/replay", new { version = "newest" }),
            await _http.PostAsync($"/api/runs/{runId}/replay", null),
            await _http.PostAsync("/api/runs/retry?status=succeeded", null),
            await _http.PostAsync("/api/runs/retry?workflow=nope", null),
            await _http.PostAsync($"/api/runs/{Guid.NewGuid()}/retry", null),
        };
        Assert.Equal(before, await TableCountsAsync());

        var retried = await _http.PostAsync($"/api/runs/{runId}/retry", null);
        var replayed = await _http.PostAsJsonAsync($"/api/runs/{runId}/replay", new { version = "latest" });
        var retryId = (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        await WaitForAsync(async () => (await _http.GetStringAsync($"/api/runs/{retryId}")).Contains("\"status\":\"Failed\",\"cause\":\"Retry\""));
        var retryOfSucceeded = await _http.PostAsync($"/api/runs/{runId}/replay", new StringContent("""{"version":"same"}""", Encoding.UTF8, "application/json"));
        var bulk = await _http.PostAsync($"/api/runs/retry?workflow={id}&status=failed", null);
        var original = await _http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound],
            bad.Select(a => a.StatusCode));
        Assert.Contains("\"version\": \"same\"", (await bad[1].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Contains("only failed runs", (await bad[3].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created), (retried.StatusCode, replayed.StatusCode, retryOfSucceeded.StatusCode));
        Assert.Equal($"/api/runs/{retryId}", retried.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        var bulkBody = await bulk.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(bulkBody.GetProperty("alreadyRetried").GetInt32() >= 1, bulkBody.ToString());
        Assert.Contains(retryId, original.GetProperty("mendedBy").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal(runId, (await _http.GetFromJsonAsync<JsonElement>($"/api/runs/{retryId}")).GetProperty("run").GetProperty("mendsRunId").GetGuid());
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

    [Fact]
    public async Task Webhook_HandsTheRunItsMethodPathHeadersQueryAndBody_WithoutCredentials()
    {
        const string echo = """
            { "schema": 1, "name": "Echo", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "echo", "respond": "whenFinished" } },
              { "id": "set", "type": "core.set", "name": "Seen", "config": { "fields": { "trigger": "{{ trigger }}" } } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "set" } ] }
            """;
        var imported = await _http.PostAsync("/api/workflows", new StringContent(echo, Encoding.UTF8, "application/json"));
        var id = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await _http.PostAsJsonAsync($"/api/workflows/{id}/publish", new { });

        using var json = new HttpRequestMessage(HttpMethod.Post, "/hooks/echo?source=shop&n=2")
        {
            Content = new StringContent("\uFEFF{ \"order\": { \"id\": 7, \"lines\": [1, 2] } }", Encoding.UTF8, "application/json"),
        };
        json.Headers.Add("X-Shop-Event", "order.placed");
        json.Headers.Add("Authorization", "Bearer secret-token");
        var form = await _http.PostAsync("/hooks/echo", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Ann", ["qty"] = "3" }));
        var text = await _http.PostAsync("/hooks/echo", new StringContent("plain words", Encoding.UTF8, "text/plain"));
        var empty = await _http.PostAsync("/hooks/echo", null);
        var jsonAnswer = await _http.SendAsync(json);

        var trigger = (await jsonAnswer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trigger");
        Assert.Equal(("POST", "/hooks/echo"), (trigger.GetProperty("method").GetString(), trigger.GetProperty("path").GetString()));
        Assert.Equal("order.placed", trigger.GetProperty("headers").GetProperty("x-shop-event").GetString());
        Assert.False(trigger.GetProperty("headers").TryGetProperty("authorization", out _));
        Assert.Equal(("shop", "2"), (trigger.GetProperty("query").GetProperty("source").GetString(), trigger.GetProperty("query").GetProperty("n").GetString()));
        Assert.Equal(7, trigger.GetProperty("body").GetProperty("order").GetProperty("id").GetInt32());
        Assert.Equal(2, trigger.GetProperty("body").GetProperty("order").GetProperty("lines").GetArrayLength());
        var formBody = (await form.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trigger").GetProperty("body");
        Assert.Equal(("Ann", "3"), (formBody.GetProperty("name").GetString(), formBody.GetProperty("qty").GetString()));
        Assert.Equal("plain words", (await text.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trigger").GetProperty("body").GetString());
        Assert.Equal(JsonValueKind.Null, (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trigger").GetProperty("body").ValueKind);
    }

    [Fact]
    public async Task Webhook_RefusesBadRequests_AndWritesNothing()
    {
        var imported = await _http.PostAsync("/api/workflows", new StringContent(Workflow, Encoding.UTF8, "application/json"));
        var id = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await _http.PostAsJsonAsync($"/api/workflows/{id}/publish", new { });

        var malformed = await _http.PostAsync("/hooks/greet", new StringContent("{ \"name\": ", Encoding.UTF8, "application/json"));
        var trailing = await _http.PostAsync("/hooks/greet", new StringContent("{ \"name\": \"Ann\" } x", Encoding.UTF8, "application/json"));
        var blank = await _http.PostAsync("/hooks/greet", new StringContent("   ", Encoding.UTF8, "application/json"));
        // Sent in chunks without a length, so the limit is found while reading.
        var chunked = new StreamContent(new MemoryStream(new byte[2 * 1024 * 1024]));
        chunked.Headers.ContentType = new("application/octet-stream");
        using var oversizedChunks = new HttpRequestMessage(HttpMethod.Post, "/hooks/greet") { Content = chunked };
        oversizedChunks.Headers.TransferEncodingChunked = true;
        var oversizedWhileRead = await _http.SendAsync(oversizedChunks);
        var unknown = await _http.PostAsJsonAsync("/hooks/nobody", new { });
        var oversized = await _http.PostAsync("/hooks/greet", new StringContent(new string('x', 2 * 1024 * 1024), Encoding.UTF8, "text/plain"));
        var invalidImport = await _http.PostAsync("/api/workflows", new StringContent("{ \"schema\": 1 ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("not valid JSON", await malformed.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (trailing.StatusCode, blank.StatusCode));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversizedWhileRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalidImport.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<FlowDbContext>>().CreateDbContextAsync();
        Assert.Equal((0, 0, 1), (await db.Runs.CountAsync(), await db.Events.CountAsync(), await db.Workflows.CountAsync()));
    }

    /// <summary>How many workflows (and versions), events and runs are stored: a refused request changes none of them.</summary>
    private async Task<(int Workflows, int Versions, int Events, int Runs)> TableCountsAsync()
    {
        await using var db = _host.Services.GetRequiredService<IDbContextFactory<FlowDbContext>>().CreateDbContext();
        return (await db.Workflows.CountAsync(), await db.WorkflowVersions.CountAsync(), await db.Events.CountAsync(), await db.Runs.CountAsync());
    }
}
