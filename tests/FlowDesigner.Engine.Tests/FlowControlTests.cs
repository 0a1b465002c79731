using System.Text.Json;
using FlowDesigner.Model.Runs;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Engine.Tests;

public class FlowControlTests : EngineTestBase
{
    [Fact]
    public async Task ParallelBranches_RunConcurrently()
    {
        Sink.On("/slow/a", (_, _) => Task.Delay(800));
        Sink.On("/slow/b", (_, _) => Task.Delay(800));
        var workflowId = await Driver.PublishAsync("""
            { "schema": 1, "name": "Fan out", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "fan" } },
              { "id": "a", "type": "http.request", "name": "A", "config": { "method": "GET", "url": "{{ env.sink }}slow/a" } },
              { "id": "b", "type": "http.request", "name": "B", "config": { "method": "GET", "url": "{{ env.sink }}slow/b" } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "a" }, { "from": "hook", "port": "out", "to": "b" } ] }
            """);

        await Driver.PostAsync("fan", new { });
        var run = await LatestRunAsync(workflowId);

        Assert.Equal(RunStatus.Succeeded, run.Run.Status);
        var a = Assert.Single(Sink.To("/slow/a"));
        var b = Assert.Single(Sink.To("/slow/b"));
        Assert.True(a.StartedAt < b.FinishedAt && b.StartedAt < a.FinishedAt, $"A ran {a.StartedAt:O}-{a.FinishedAt:O}, B ran {b.StartedAt:O}-{b.FinishedAt:O}: they did not overlap");
    }

    [Fact]
    public async Task Set_KeepingItsInput_OverridesFieldsInPlace_AndAddsNewOnesAfter()
    {
        var workflowId = await Driver.PublishAsync("""
            { "schema": 1, "name": "Keep", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "keep" } },
              { "id": "pick", "type": "core.set", "name": "Pick", "config": { "fields": { "id": "{{ trigger.body.id }}", "tier": "gold", "tags": "{{ trigger.body.tags }}" } } },
              { "id": "more", "type": "core.set", "name": "More", "config": { "keepInput": true, "fields": { "tier": "platinum", "note": "seen {{ input.id }}" } } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "pick" }, { "from": "pick", "port": "out", "to": "more" } ] }
            """);

        await Driver.PostAsync("keep", new { id = 7, tags = new[] { "a", "b" } });
        var run = await LatestRunAsync(workflowId);

        Assert.Equal(RunStatus.Succeeded, run.Run.Status);
        Assert.Equal("""{"id":7,"tier":"platinum","tags":["a","b"],"note":"seen 7"}""", Assert.Single(Attempts(run, "more")).OutputJson);
    }

    [Fact]
    public async Task JoinAfterCondition_DoesNotWaitForTheDeadBranch()
    {
        var workflowId = await Driver.PublishAsync("""
            { "schema": 1, "name": "Join", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "join" } },
              { "id": "if", "type": "core.condition", "name": "Big order", "config": { "condition": "{{ trigger.body.total > 100 }}" } },
              { "id": "vip", "type": "http.request", "name": "Notify sales", "config": { "url": "{{ env.sink }}vip" } },
              { "id": "std", "type": "core.set", "name": "Standard", "config": { "fields": { "tier": "standard" } } },
              { "id": "join", "type": "core.merge", "name": "Join", "config": {} },
              { "id": "after", "type": "core.set", "name": "After", "config": { "fields": { "tier": "{{ steps.Standard.tier }}" } } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "if" }, { "from": "if", "port": "true", "to": "vip" }, { "from": "if", "port": "false", "to": "std" },
                         { "from": "vip", "port": "out", "to": "join" }, { "from": "std", "port": "out", "to": "join" }, { "from": "join", "port": "out", "to": "after" } ] }
            """);

        await Driver.PostAsync("join", new { total = 20 });
        var run = await LatestRunAsync(workflowId);

        Assert.Equal(RunStatus.Succeeded, run.Run.Status);
        Assert.Equal(StepStatus.Skipped, Assert.Single(Attempts(run, "vip")).Status);
        Assert.Equal(StepStatus.Succeeded, Assert.Single(Attempts(run, "join")).Status);
        Assert.Contains("standard", run.Run.OutputJson);
        Assert.Empty(Sink.To("/vip"));
    }

    [Fact]
    public async Task Delay_CompletesWithoutHoldingAWorker()
    {
        var workflowId = await Driver.PublishAsync("""
            { "schema": 1, "name": "Wait", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "wait" } },
              { "id": "wait", "type": "core.delay", "name": "Wait", "config": { "mode": "duration", "seconds": 2 } },
              { "id": "after", "type": "core.set", "name": "After", "config": { "fields": { "done": true } } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "wait" }, { "from": "wait", "port": "out", "to": "after" } ] }
            """);
        var started = DateTime.UtcNow;

        await Driver.PostAsync("wait", new { });
        var monitoring = Services.Get<Hangfire.JobStorage>().GetMonitoringApi();

        // While the step waits, no job is processing: a held worker would keep one busy until the delay ended.
        await WaitUntilAsync(async () =>
            (await Snapshot(workflowId)).Steps.Any(s => s.NodeId == "wait" && s.Status == StepStatus.Waiting) && monitoring.ProcessingCount() == 0);
        Assert.Contains((await Snapshot(workflowId)).Steps, s => s.NodeId == "wait" && s.Status == StepStatus.Waiting);
        var run = await LatestRunAsync(workflowId);

        Assert.Equal(RunStatus.Succeeded, run.Run.Status);
        Assert.True(run.Run.FinishedAt - started >= TimeSpan.FromSeconds(2), "the run ended before its delay");
        Assert.Single(Attempts(run, "wait"));
    }

    private async Task<RunSnapshot> Snapshot(Guid workflowId)
    {
        var runs = await Services.Get<IRunStore>().ListRunsAsync(workflowId, 0, 1, default);
        return runs.Count == 0 ? new RunSnapshot(null!, []) : (await Services.Get<IRunStore>().GetSnapshotAsync(runs[0].Id, default))!;
    }

    [Fact]
    public async Task RespondBodyWrittenAsJsonWithAnUnquotedExpression_IsWhatTheWebhookAnswers()
    {
        await Driver.PublishAsync("""
            { "schema": 1, "name": "Answer", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "answer", "respond": "whenFinished" } },
              { "id": "call", "type": "http.request", "name": "HTTP request", "config": { "method": "GET", "url": "{{ env.sink }}status" } },
              { "id": "answer", "type": "core.respond", "name": "Respond", "config": {
                  "body": "{ \"ok\": true, \"upstream\": {{ steps[\"HTTP request\"].status }}, \"note\": \"order {{ trigger.body.id }}\" }" } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "call" }, { "from": "call", "port": "out", "to": "answer" } ] }
            """);

        var response = await Driver.PostAsync("answer", new { id = "A-1" });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("""{"ok":true,"upstream":200,"note":"order A-1"}""", JsonSerializer.Serialize(response.Body));
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true in time");
            await Task.Delay(50);
        }
    }
}
