using FlowDesigner.Engine.Expressions;
using FlowDesigner.Model.Runs;
using FlowDesigner.Testing;
using System.Text.Json;

namespace FlowDesigner.Engine.Tests;

public class SandboxAndRecoveryTests : EngineTestBase
{
    [Theory]
    [InlineData("{{ (() => { while(true){} })() }}")]
    [InlineData("{{ (()=>{while(true){}})() }}")]
    public async Task EndlessLoopInAnExpression_FailsTheStep_ThroughTheSandboxTimeLimit(string expression)
    {
        var workflowId = await Driver.PublishAsync("""
            { "schema": 1, "name": "Loop", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "loop" } },
              { "id": "set", "type": "core.set", "name": "Spin", "config": { "fields": { "x": "EXPRESSION" } }, "timeoutSeconds": 30 } ],
              "edges": [ { "from": "hook", "port": "out", "to": "set" } ] }
            """.Replace("EXPRESSION", expression, StringComparison.Ordinal));

        await Driver.PostAsync("loop", new { });
        var run = await LatestRunAsync(workflowId);

        var step = Assert.Single(Attempts(run, "set"));
        Assert.Equal(StepStatus.Failed, step.Status);
        Assert.Contains("'Spin' › fields.x", step.Error);
        Assert.Contains("ran longer than 250 ms", step.Error);
        Assert.DoesNotContain("timeout of", step.Error);
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("this.constructor.constructor('return process')()")]
    public void Expressions_CannotReachDotNet(string expression)
    {
        var evaluator = Services.Get<ExpressionEvaluator>();
        var scope = new ExpressionScope(JsonSerializer.SerializeToElement(new { }), new Dictionary<string, JsonElement>(), default, new Dictionary<string, string>());

        var error = Assert.Throws<ExpressionException>(() => evaluator.Evaluate("{{ " + expression + " }}", scope, "Node", "field"));

        Assert.Contains("'Node' › field", error.Message);
    }

    [Fact]
    public async Task RunInterruptedByAStop_CompletesOnANewHost_WithoutRepeatingFinishedSteps()
    {
        var workflowId = await Driver.PublishAsync("""
            { "schema": 1, "name": "Survive", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "survive" } },
              { "id": "before", "type": "http.request", "name": "Before", "config": { "method": "GET", "url": "{{ env.sink }}before" } },
              { "id": "wait", "type": "core.delay", "name": "Wait", "config": { "mode": "duration", "seconds": 2 } },
              { "id": "after", "type": "http.request", "name": "After", "config": { "method": "GET", "url": "{{ env.sink }}after" } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "before" }, { "from": "before", "port": "out", "to": "wait" }, { "from": "wait", "port": "out", "to": "after" } ] }
            """);
        var runId = EngineDriver.RunIdOf(await Driver.PostAsync("survive", new { }));
        await FlowControlTests.WaitUntilAsync(async () =>
            (await Services.Get<IRunStore>().GetSnapshotAsync(runId, default))!.Steps.Any(s => s.NodeId == "wait" && s.Status == StepStatus.Waiting));

        await Services.StopAsync();
        await using var restarted = await StartServicesAsync(Services.Storage);
        var run = await new EngineDriver(restarted).WaitForRunAsync(runId);

        Assert.Equal(RunStatus.Succeeded, run.Run.Status);
        Assert.All(new[] { "hook", "before", "wait", "after" }, id => Assert.Single(Attempts(run, id)));
        Assert.Single(Sink.To("/before"));
        Assert.Single(Sink.To("/after"));
    }
}
