using System.Text.Json;
using FlowDesigner.Model.Runs;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Engine.Tests;

public class RetryTests : EngineTestBase
{
    private Task<Guid> PublishCallAsync(string path, string retry, string extraNode = "", string extraEdge = "", int timeout = 30) =>
        Driver.PublishAsync($$$"""
            { "schema": 1, "name": "Call {{{path}}}", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "{{{path}}}" } },
              { "id": "call", "type": "http.request", "name": "Call", "config": { "url": "{{ env.sink }}{{{path}}}" }, "retry": {{{retry}}}, "timeoutSeconds": {{{timeout}}} }
              {{{extraNode}}} ],
              "edges": [ { "from": "hook", "port": "out", "to": "call" } {{{extraEdge}}} ] }
            """);

    [Fact]
    public async Task FailingTwiceThenSucceeding_RecordsThreeAttempts_WithGrowingDelays()
    {
        Sink.On("/flaky", (context, call) => { context.Response.StatusCode = call < 3 ? 503 : 200; return Task.CompletedTask; });
        var workflowId = await PublishCallAsync("flaky", """{ "maxAttempts": 3, "backoff": "exponential", "initialSeconds": 0.3 }""");

        await Driver.PostAsync("flaky", new { });
        var run = await LatestRunAsync(workflowId);

        var attempts = Attempts(run, "call");
        Assert.Equal(RunStatus.Succeeded, run.Run.Status);
        Assert.Equal([StepStatus.Failed, StepStatus.Failed, StepStatus.Succeeded], attempts.Select(a => a.Status));
        Assert.Contains("503", attempts[0].Error);
        var firstWait = attempts[1].ScheduledAt!.Value - attempts[0].FinishedAt!.Value;
        var secondWait = attempts[2].ScheduledAt!.Value - attempts[1].FinishedAt!.Value;
        Assert.True(secondWait > firstWait, $"waits {firstWait} then {secondWait} did not grow");
        Assert.True(attempts[1].StartedAt >= attempts[1].ScheduledAt && attempts[2].StartedAt >= attempts[2].ScheduledAt);
        Assert.Equal(3, Sink.To("/flaky").Count);
        Assert.Single(Sink.To("/flaky").Select(r => r.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task ASuccessfulCall_GivesItsStatus_HeadersByLowerCaseName_AndParsedBody()
    {
        Sink.On("/answer", (context, _) =>
        {
            context.Response.StatusCode = 201;
            context.Response.Headers["X-Request-Id"] = "req-7";
            context.Response.Headers.Append("Set-Cookie", "a=1");
            context.Response.Headers.Append("Set-Cookie", "b=2");
            return context.Response.WriteAsJsonAsync(new { id = "SO-1", lines = new[] { 1, 2 } });
        });
        var workflowId = await PublishCallAsync("answer", """{ "maxAttempts": 1 }""");

        await Driver.PostAsync("answer", new { });
        var run = await LatestRunAsync(workflowId);

        var output = JsonDocument.Parse(Assert.Single(Attempts(run, "call")).OutputJson!).RootElement;
        Assert.Equal(201, output.GetProperty("status").GetInt32());
        var headers = output.GetProperty("headers");
        Assert.Equal("req-7", headers.GetProperty("x-request-id").GetString());
        Assert.Equal("a=1, b=2", headers.GetProperty("set-cookie").GetString());
        Assert.StartsWith("application/json", headers.GetProperty("content-type").GetString());
        Assert.All(headers.EnumerateObject(), h => Assert.Equal(h.Name.ToLowerInvariant(), h.Name));
        Assert.Equal("SO-1", output.GetProperty("body").GetProperty("id").GetString());
        Assert.Equal(2, output.GetProperty("body").GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task ClientError_IsNotRetried_AndFailsTheRun()
    {
        Sink.On("/invalid", (context, _) => { context.Response.StatusCode = 422; return context.Response.WriteAsync("{\"error\":\"sku missing\"}"); });
        var workflowId = await PublishCallAsync("invalid", """{ "maxAttempts": 5, "backoff": "fixed", "initialSeconds": 0.1 }""");

        await Driver.PostAsync("invalid", new { });
        var run = await LatestRunAsync(workflowId);

        Assert.Equal(RunStatus.Failed, run.Run.Status);
        Assert.Single(Attempts(run, "call"));
        Assert.Contains("422", run.Run.Error);
        Assert.Contains("sku missing", run.Run.Error);
    }

    [Fact]
    public async Task AfterTheLastAttempt_TheErrorPortIsTaken()
    {
        Sink.On("/down", (context, _) => { context.Response.StatusCode = 503; return Task.CompletedTask; });
        var workflowId = await PublishCallAsync("down", """{ "maxAttempts": 2, "backoff": "fixed", "initialSeconds": 0.1 }""",
            """, { "id": "handle", "type": "core.set", "name": "Handle", "config": { "fields": { "failed": "{{ steps.Call.error }}" } } }""",
            """, { "from": "call", "port": "error", "to": "handle" }""");

        await Driver.PostAsync("down", new { });
        var run = await LatestRunAsync(workflowId);

        Assert.Equal(RunStatus.Succeeded, run.Run.Status);
        Assert.Equal(2, Attempts(run, "call").Count);
        Assert.Equal("error", Attempts(run, "call")[^1].Port);
        Assert.Contains("503", run.Run.OutputJson);
    }

    [Fact]
    public async Task StepTimeout_FailsTheStep()
    {
        Sink.On("/stuck", (_, _) => Task.Delay(TimeSpan.FromSeconds(5)));
        var workflowId = await PublishCallAsync("stuck", """{ "maxAttempts": 1, "backoff": "fixed", "initialSeconds": 0 }""", timeout: 1);

        await Driver.PostAsync("stuck", new { });
        var run = await LatestRunAsync(workflowId);

        Assert.Equal(RunStatus.Failed, run.Run.Status);
        Assert.Contains("did not finish within its timeout of 1 s", Attempts(run, "call")[0].Error);
    }
}
