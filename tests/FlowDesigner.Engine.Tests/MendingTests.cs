using System.Text.Json;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Persistence;
using FlowDesigner.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Engine.Tests;

/// <summary>Retry from the failed steps, replay, and bulk retry, on real workers: what each executes is counted at the loopback sink.</summary>
public class MendingTests : EngineTestBase
{
    private RunMending Mending => Services.Get<RunMending>();

    /// <summary>hook → a → b → c, each a call to the sink; <paramref name="bPath"/> is where b calls.</summary>
    private static string Linear(string name, string bPath) => $$$"""
        { "schema": 1, "name": "{{{name}}}", "nodes": [
          { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "{{{name}}}" } },
          { "id": "a", "type": "http.request", "name": "Create order", "config": { "url": "{{ env.sink }}a", "method": "POST", "body": "{{ trigger.body }}" }, "retry": { "maxAttempts": 1 } },
          { "id": "b", "type": "http.request", "name": "Open incident", "config": { "url": "{{ env.sink }}{{{bPath}}}" }, "retry": { "maxAttempts": 1 } },
          { "id": "c", "type": "http.request", "name": "Send to warehouse", "config": { "url": "{{ env.sink }}c" }, "retry": { "maxAttempts": 1 } } ],
          "edges": [ { "from": "hook", "port": "out", "to": "a" }, { "from": "a", "port": "out", "to": "b" }, { "from": "b", "port": "out", "to": "c" } ] }
        """;

    [Fact]
    public async Task RetryFromFailed_ExecutesNoSucceededStepAgain_OnThePinnedVersion_ReusingOutputsByReference()
    {
        var broken = true;
        Sink.On("/b", (context, _) => { context.Response.StatusCode = broken ? 500 : 200; return Task.CompletedTask; });
        var workflowId = await Driver.PublishAsync(Linear("orders", "b"));
        var failed = await Driver.WaitForRunAsync(EngineDriver.RunIdOf(await Driver.PostAsync("orders", new { order = 1042 })));
        await RepublishAsync(workflowId, Linear("orders", "b-v2"));
        broken = false;

        var result = await Mending.RetryAsync(failed.Run.Id, TestActors.Operator, default);
        var retry = await Driver.WaitForRunAsync(result.RunId!.Value);

        Assert.Equal(RunStatus.Failed, failed.Run.Status);
        Assert.Equal((RunStatus.Succeeded, RunCause.Retry, failed.Run.Id), (retry.Run.Status, retry.Run.Cause, retry.Run.MendsRunId));
        Assert.Equal((failed.Run.VersionId, failed.Run.CorrelationId), (retry.Run.VersionId, retry.Run.CorrelationId));
        Assert.Equal((1, 2, 0, 1), (Sink.To("/a").Count, Sink.To("/b").Count, Sink.To("/b-v2").Count, Sink.To("/c").Count));
        var reused = Assert.Single(retry.Steps, s => s.NodeId == "a");
        var original = Assert.Single(failed.Steps, s => s.NodeId == "a");
        Assert.Equal((original.Id, original.OutputJson, original.InputJson), (reused.ReusedFromStepId, reused.OutputJson, reused.InputJson));
        Assert.Equal(failed.Steps.Single(s => s.NodeId == "hook").OutputJson, retry.Steps.Single(s => s.NodeId == "hook").OutputJson);

        // Stored once: the retry's rows hold a reference to the step they reuse, and the run is on the same event.
        await using var db = Services.OpenDatabase();
        Assert.Equal($"=reused/{original.Id}", await db.StepRuns.Where(s => s.Id == reused.Id).Select(s => s.OutputJson).SingleAsync());
        Assert.Single(await db.Runs.Where(r => r.Id == retry.Run.Id || r.Id == failed.Run.Id).Select(r => r.EventId).Distinct().ToListAsync());
        Assert.Equal([retry.Run.Id], await Services.Get<IRunStore>().FindMendingRunsAsync(failed.Run.Id, default));
        Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "run.retried");
    }

    [Fact]
    public async Task RetryFromFailed_InALoop_RunsOnlyTheFailedItem()
    {
        var broken = true;
        Sink.On("/item2", (context, _) => { context.Response.StatusCode = broken ? 500 : 200; return Task.CompletedTask; });
        var workflowId = await Driver.PublishAsync("""
            { "schema": 1, "name": "Lines", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "lines" } },
              { "id": "loop", "type": "core.for-each", "name": "Each line", "config": { "items": "{{ trigger.body.lines }}", "parallelism": 1 } },
              { "id": "call", "type": "http.request", "name": "Send line", "config": { "url": "{{ env.sink }}item{{ item }}" }, "retry": { "maxAttempts": 1 } },
              { "id": "after", "type": "http.request", "name": "Confirm", "config": { "url": "{{ env.sink }}after" }, "retry": { "maxAttempts": 1 } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "loop" }, { "from": "loop", "port": "each", "to": "call" }, { "from": "loop", "port": "done", "to": "after" } ] }
            """);
        var failed = await Driver.WaitForRunAsync(EngineDriver.RunIdOf(await Driver.PostAsync("lines", new { lines = new[] { 1, 2, 3 } })));
        broken = false;

        var retry = await Driver.WaitForRunAsync((await Mending.RetryAsync(failed.Run.Id, TestActors.Operator, default)).RunId!.Value);

        Assert.Equal((RunStatus.Failed, RunStatus.Succeeded), (failed.Run.Status, retry.Run.Status));
        Assert.Equal((1, 2, 1, 1), (Sink.To("/item1").Count, Sink.To("/item2").Count, Sink.To("/item3").Count, Sink.To("/after").Count));
        var results = JsonDocument.Parse(retry.Steps.Single(s => s.NodeId == "loop").OutputJson!).RootElement;
        Assert.Equal(3, results.GetArrayLength());
        Assert.Equal(workflowId, retry.Run.WorkflowId);
    }

    [Fact]
    public async Task Replay_OnTheLatestVersion_RunsIt_FromTheStart_OnTheSameEvent()
    {
        var workflowId = await Driver.PublishAsync(Linear("replays", "b"));
        var first = await Driver.WaitForRunAsync(EngineDriver.RunIdOf(await Driver.PostAsync("replays", new { order = 7 })));
        await RepublishAsync(workflowId, Linear("replays", "b-v2"));

        var same = await Driver.WaitForRunAsync((await Mending.ReplayAsync(first.Run.Id, ReplayVersion.Same, TestActors.Operator, default)).RunId!.Value);
        var latest = await Driver.WaitForRunAsync((await Mending.ReplayAsync(first.Run.Id, ReplayVersion.Latest, TestActors.Operator, default)).RunId!.Value);

        Assert.Equal((RunCause.Replay, 1, RunCause.Replay, 2), (same.Run.Cause, same.Run.VersionNumber, latest.Run.Cause, latest.Run.VersionNumber));
        Assert.All([same, latest], r => Assert.Equal(RunStatus.Succeeded, r.Run.Status));
        Assert.Equal((3, 2, 1), (Sink.To("/a").Count, Sink.To("/b").Count, Sink.To("/b-v2").Count));
        Assert.All([same, latest], r => Assert.Equal(first.Steps[0].OutputJson, r.Steps[0].OutputJson));
        Assert.Equal("""{"order":7}""", Sink.To("/a")[2].Body);
    }

    [Fact]
    public async Task Retry_AndReplay_SayWhatIsWrong_WhenTheRunCannotBeMendedSo()
    {
        var workflowId = await Driver.PublishAsync(Linear("fine", "b"));
        var succeeded = await Driver.WaitForRunAsync(EngineDriver.RunIdOf(await Driver.PostAsync("fine", new { })));

        var retry = await Mending.RetryAsync(succeeded.Run.Id, TestActors.Operator, default);
        var unknown = await Mending.ReplayAsync(Guid.NewGuid(), ReplayVersion.Same, TestActors.Operator, default);

        Assert.Equal(MendRefusal.WrongState, retry.Refusal);
        Assert.Contains("only a failed run is retried", retry.Problem);
        Assert.Equal(MendRefusal.NotFound, unknown.Refusal);
        Assert.Empty(await Services.Get<IRunStore>().FindMendingRunsAsync(succeeded.Run.Id, default));
        Assert.Equal(workflowId, succeeded.Run.WorkflowId);
    }

    [Fact]
    public async Task BulkRetry_RetriesEveryFailedRunTheFilterSelects_Once()
    {
        var broken = true;
        Sink.On("/b", (context, _) => { context.Response.StatusCode = broken ? 503 : 200; return Task.CompletedTask; });
        var workflowId = await Driver.PublishAsync(Linear("bulk", "b"));
        var failed = new List<Guid>();
        for (var i = 0; i < 100; i++)
        {
            failed.Add(EngineDriver.RunIdOf(await Driver.PostAsync("bulk", new { order = i })));
        }

        foreach (var id in failed)
        {
            Assert.Equal(RunStatus.Failed, (await Driver.WaitForRunAsync(id)).Run.Status);
        }

        broken = false;
        var reports = new List<BulkRetryProgress>();
        var filter = new RunFilter { WorkflowId = workflowId };

        var result = await Mending.RetryFailedAsync(filter, TestActors.Operator, new SynchronousProgress(reports), default);
        foreach (var id in result.RunIds)
        {
            Assert.Equal(RunStatus.Succeeded, (await Driver.WaitForRunAsync(id)).Run.Status);
        }

        var again = await Mending.RetryFailedAsync(filter, TestActors.Operator, null, default);

        Assert.Equal(100, result.RunIds.Count);
        Assert.Equal(new BulkRetryProgress(100, 100, 0), reports[^1]);
        Assert.Equal((0, 100), (again.RunIds.Count, again.AlreadyRetried));
        Assert.Equal((100, 200, 100), (Sink.To("/a").Count, Sink.To("/b").Count, Sink.To("/c").Count));
    }

    [Fact]
    public async Task ARetryOfAWebhookThatWaitedForTheResult_RecordsItsResponse_TheCallerBeingGone()
    {
        var broken = true;
        Sink.On("/stock", (context, _) => { context.Response.StatusCode = broken ? 500 : 200; return Task.CompletedTask; });
        await Driver.PublishAsync("""
            { "schema": 1, "name": "Check stock", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "stock", "respond": "whenFinished", "responseTimeoutSeconds": 15 } },
              { "id": "call", "type": "http.request", "name": "Ask the warehouse", "config": { "url": "{{ env.sink }}stock" }, "retry": { "maxAttempts": 1 } },
              { "id": "answer", "type": "core.respond", "name": "Answer", "config": { "body": { "inStock": true, "sku": "{{ trigger.body.sku }}" } } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "call" }, { "from": "call", "port": "out", "to": "answer" } ] }
            """);
        var answered = await Driver.PostAsync("stock", new { sku = "SKU-7" });
        var failedId = answered.Body.GetProperty("runId").GetGuid();
        broken = false;

        var retry = await Driver.WaitForRunAsync((await Mending.RetryAsync(failedId, TestActors.Operator, default)).RunId!.Value);

        Assert.Equal(502, answered.StatusCode);
        Assert.Equal(RunStatus.Succeeded, retry.Run.Status);
        Assert.Equal("""{"inStock":true,"sku":"SKU-7"}""", retry.Run.OutputJson);
    }

    [Fact]
    public async Task Cancel_EndsAWaitingRun_AndItsStepsNeverRun()
    {
        var workflowId = await Driver.PublishAsync("""
            { "schema": 1, "name": "Later", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "later" } },
              { "id": "wait", "type": "core.delay", "name": "Wait an hour", "config": { "seconds": 3600 } },
              { "id": "call", "type": "http.request", "name": "Remind", "config": { "url": "{{ env.sink }}remind" }, "retry": { "maxAttempts": 1 } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "wait" }, { "from": "wait", "port": "out", "to": "call" } ] }
            """);
        var runId = EngineDriver.RunIdOf(await Driver.PostAsync("later", new { }));
        await FlowControlTests.WaitUntilAsync(async () => (await Services.Get<IRunStore>().GetSnapshotAsync(runId, default))!.Steps.Any(s => s.NodeId == "wait" && s.Status == StepStatus.Waiting));

        var before = await Services.Get<RunCommands>().CancelAsync(runId, TestActors.Operator, default);
        var again = await Services.Get<RunCommands>().CancelAsync(runId, TestActors.Operator, default);
        var run = await Driver.WaitForRunAsync(runId);

        Assert.Equal((false, true), (before!.IsTerminal, again!.IsTerminal));
        Assert.Equal(RunStatus.Cancelled, run.Run.Status);
        Assert.Equal(StepStatus.Cancelled, run.Steps.Single(s => s.NodeId == "wait").Status);
        Assert.DoesNotContain(run.Steps, s => s.NodeId == "call");
        Assert.Empty(Sink.To("/remind"));
        Assert.Equal(workflowId, run.Run.WorkflowId);
    }

    [Fact]
    public async Task ARunStartedByAnEmittedEvent_NamesTheRunThatEmittedIt()
    {
        await Driver.PublishAsync("""
            { "schema": 1, "name": "Follow", "nodes": [
              { "id": "on", "type": "core.on-event", "name": "On order", "config": { "eventName": "order.created" } },
              { "id": "set", "type": "core.set", "name": "Noted", "config": { "fields": { "ok": true } } } ],
              "edges": [ { "from": "on", "port": "out", "to": "set" } ] }
            """);
        var followerId = (await Services.Get<IWorkflowStore>().ListAsync(new WorkflowQuery(), default)).Items.Single(w => w.Name == "Follow").Id;
        await Driver.PublishAsync("""
            { "schema": 1, "name": "Emit", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "emit" } },
              { "id": "emit", "type": "core.emit-event", "name": "Order created", "config": { "eventName": "order.created", "payload": { "id": 1 } } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "emit" } ] }
            """);
        var emitter = EngineDriver.RunIdOf(await Driver.PostAsync("emit", new { }));
        await Driver.WaitForRunAsync(emitter);
        await FlowControlTests.WaitUntilAsync(async () => (await Services.Get<IRunStore>().ListRunsAsync(followerId, 0, 1, default)).Count == 1);
        var follower = (await Services.Get<IRunStore>().ListRunsAsync(followerId, 0, 1, default)).Single();

        var details = await Services.Get<RunReader>().FindAsync(follower.Id, default);

        Assert.Equal(emitter, details!.CausedByRunId);
        Assert.Null((await Services.Get<RunReader>().FindAsync(emitter, default))!.CausedByRunId);
    }

    private async Task RepublishAsync(Guid workflowId, string json)
    {
        var workflows = Services.Get<WorkflowService>();
        var current = (await Services.Get<IWorkflowStore>().FindAsync(workflowId, default))!;
        var definition = Model.Definitions.WorkflowDefinitionJson.Parse(json).Definition!;
        await workflows.SaveDraftAsync(workflowId, definition, current.Revision, TestActors.Test, default);
        Assert.True((await Services.Get<PublishService>().PublishAsync(workflowId, "v2", TestActors.Test, default)).Published);
    }

    /// <summary>Reports on the reporting thread, so that the last report is in when the retry returns.</summary>
    private sealed class SynchronousProgress(List<BulkRetryProgress> reports) : IProgress<BulkRetryProgress>
    {
        public void Report(BulkRetryProgress value) => reports.Add(value);
    }
}
