using FlowDesigner.Testing;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Runs;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Engine.Tests;

public class TriggerTests : EngineTestBase
{
    private const string Echo = """
        { "schema": 1, "name": "Echo", "nodes": [
          { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "echo" } },
          { "id": "set", "type": "core.set", "name": "Echo", "config": { "fields": { "id": "{{ trigger.body.id }}" } } } ],
          "edges": [ { "from": "hook", "port": "out", "to": "set" } ] }
        """;

    [Fact]
    public async Task DuplicateWebhook_WithTheSameIdempotencyKey_StartsNoSecondRun()
    {
        await Driver.PublishAsync(Echo);

        var first = await Driver.PostAsync("echo", new { id = 1 }, idempotencyKey: "order-1");
        var second = await Driver.PostAsync("echo", new { id = 1 }, idempotencyKey: "order-1");

        Assert.Equal((202, 202), (first.StatusCode, second.StatusCode));
        Assert.Equal(EngineDriverRunId(first), EngineDriverRunId(second));
        Assert.True(second.Body.GetProperty("duplicate").GetBoolean());
        await using var db = Services.OpenDatabase();
        Assert.Equal((1, 1), (await db.Runs.CountAsync(), await db.Events.CountAsync()));
    }

    [Fact]
    public async Task UnknownWebhook_Answers404_AndWritesNothing()
    {
        var response = await Driver.PostAsync("nobody-listens", new { });

        Assert.Equal(404, response.StatusCode);
        await using var db = Services.OpenDatabase();
        Assert.Equal(0, await db.Runs.CountAsync());
    }

    [Fact]
    public async Task PublishingANewVersion_LeavesTheRunInFlightOnItsVersion()
    {
        var workflowId = await Driver.PublishAsync(Versioned("one"));
        var first = Testing.EngineDriver.RunIdOf(await Driver.PostAsync("versioned", new { }));
        var workflow = (await Services.Get<WorkflowService>().FindAsync(workflowId, default))!;
        var edited = WorkflowDefinitionJson.Parse(Versioned("two")).Definition!;
        await Services.Get<WorkflowService>().SaveDraftAsync(workflowId, edited, workflow.Revision, TestActors.Test, default);
        await Services.Get<PublishService>().PublishAsync(workflowId, "v2", TestActors.Test, default);
        var second = Testing.EngineDriver.RunIdOf(await Driver.PostAsync("versioned", new { }));

        var oldRun = await Driver.WaitForRunAsync(first);
        var newRun = await Driver.WaitForRunAsync(second);

        Assert.Equal((1, 2), (oldRun.Run.VersionNumber, newRun.Run.VersionNumber));
        Assert.Contains("\"one\"", oldRun.Run.OutputJson);
        Assert.Contains("\"two\"", newRun.Run.OutputJson);
    }

    [Fact]
    public async Task EmittedEvent_StartsTheSubscribedWorkflow_WithTheSameCorrelationId()
    {
        var subscriber = await Driver.PublishAsync("""
            { "schema": 1, "name": "On order created", "nodes": [
              { "id": "on", "type": "core.on-event", "name": "Order created", "config": { "eventName": "order.created" } },
              { "id": "set", "type": "core.set", "name": "Seen", "config": { "fields": { "order": "{{ trigger.orderId }}" } } } ],
              "edges": [ { "from": "on", "port": "out", "to": "set" } ] }
            """);
        await Driver.PublishAsync("""
            { "schema": 1, "name": "Create order", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "create" } },
              { "id": "emit", "type": "core.emit-event", "name": "Emit", "config": { "eventName": "order.created", "payload": { "orderId": "{{ trigger.body.id }}" } } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "emit" } ] }
            """);

        var emitter = await Driver.WaitForRunAsync(Testing.EngineDriver.RunIdOf(await Driver.PostAsync("create", new { id = "A-7" })));
        var subscribed = await LatestRunAsync(subscriber);

        Assert.Equal(RunStatus.Succeeded, subscribed.Run.Status);
        Assert.Equal(RunCause.Event, subscribed.Run.Cause);
        Assert.Equal(emitter.Run.CorrelationId, subscribed.Run.CorrelationId);
        Assert.Contains("A-7", subscribed.Run.OutputJson);
    }

    [Fact]
    public async Task CallWorkflow_ReceivesTheSubFlowsOutput()
    {
        var child = await Driver.PublishAsync("""
            { "schema": 1, "name": "Double", "nodes": [
              { "id": "start", "type": "core.manual", "name": "Start", "config": {} },
              { "id": "set", "type": "core.set", "name": "Double", "config": { "fields": { "doubled": "{{ trigger.n * 2 }}" } } } ],
              "edges": [ { "from": "start", "port": "out", "to": "set" } ] }
            """);
        var parent = await Driver.PublishAsync("""
            { "schema": 1, "name": "Ask", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "ask" } },
              { "id": "call", "type": "core.call-workflow", "name": "Call child", "config": { "workflowId": "CHILD", "payload": { "n": 21 } } },
              { "id": "use", "type": "core.set", "name": "Use", "config": { "fields": { "answer": "{{ steps['Call child'].doubled }}" } } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "call" }, { "from": "call", "port": "out", "to": "use" } ] }
            """.Replace("CHILD", child.ToString()));

        var run = await Driver.WaitForRunAsync(Testing.EngineDriver.RunIdOf(await Driver.PostAsync("ask", new { })));

        Assert.Equal(RunStatus.Succeeded, run.Run.Status);
        Assert.Contains("\"answer\":42", run.Run.OutputJson);
    }

    [Fact]
    public async Task CronTrigger_FiresOnSchedule()
    {
        var workflowId = await Driver.PublishAsync("""
            { "schema": 1, "name": "Every two seconds", "nodes": [
              { "id": "tick", "type": "core.schedule", "name": "Tick", "config": { "cron": "*/2 * * * * *", "timeZone": "UTC" } },
              { "id": "set", "type": "core.set", "name": "Tock", "config": { "fields": { "at": "{{ trigger.firedAt }}" } } } ],
              "edges": [ { "from": "tick", "port": "out", "to": "set" } ] }
            """);

        await FlowControlTests.WaitUntilAsync(async () => (await Services.Get<IRunStore>().ListRunsAsync(workflowId, 0, 1, default)).Count > 0);
        var run = await LatestRunAsync(workflowId);

        Assert.Equal((RunCause.Schedule, RunStatus.Succeeded), (run.Run.Cause, run.Run.Status));
        await Services.Get<PublishService>().DeactivateAsync(workflowId, TestActors.Test, default);
    }

    private static Guid EngineDriverRunId(Engine.Triggers.WebhookResponse response) => Testing.EngineDriver.RunIdOf(response);

    private static string Versioned(string label) => """
        { "schema": 1, "name": "Versioned", "nodes": [
          { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "versioned" } },
          { "id": "wait", "type": "core.delay", "name": "Wait", "config": { "mode": "duration", "seconds": 1 } },
          { "id": "set", "type": "core.set", "name": "Label", "config": { "fields": { "version": "LABEL" } } } ],
          "edges": [ { "from": "hook", "port": "out", "to": "wait" }, { "from": "wait", "port": "out", "to": "set" } ] }
        """.Replace("LABEL", label);
}
