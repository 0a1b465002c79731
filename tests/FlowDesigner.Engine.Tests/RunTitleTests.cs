using FlowDesigner.Model.Runs;
using FlowDesigner.Testing;

namespace FlowDesigner.Engine.Tests;

public class RunTitleTests : EngineTestBase
{
    [Fact]
    public async Task ARunsTitle_IsItsTriggersSettingOverTheEvent_AndIsFoundByItsBeginningInAnyCase()
    {
        var workflowId = await Driver.PublishAsync("""
            { "schema": 1, "name": "Orders", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "titled", "runTitle": "Order {{ trigger.body.order.increment_id }}" } },
              { "id": "set", "type": "core.set", "name": "Done", "config": { "fields": { "ok": true } } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "set" } ] }
            """);
        var runs = Services.Get<IRunStore>();
        var ids = new List<Guid>();
        foreach (var body in new object[] { new { order = new { increment_id = "1042" } }, new { order = new { increment_id = "1043" } }, new { order = new { increment_id = "2000" } }, new { other = 1 } })
        {
            ids.Add(EngineDriver.RunIdOf(await Driver.PostAsync("titled", body)));
        }

        foreach (var id in ids)
        {
            await Driver.WaitForRunAsync(id);
        }

        async Task<IReadOnlyList<string?>> TitlesAsync(string prefix) =>
            (await runs.FindRunsAsync(new RunFilter { WorkflowId = workflowId, TitlePrefix = prefix }, null, 50, default)).Runs.Select(r => r.Title).ToList();

        Assert.Equal(["Order 1043", "Order 1042"], await TitlesAsync("ORDER 104"));
        Assert.Equal(["Order 2000"], await TitlesAsync("order 2"));
        Assert.Empty(await TitlesAsync("rder"));
        Assert.Equal(3, (await TitlesAsync("o")).Count);
        // The last event had no order: its expression failed, and the run ran untitled rather than failing.
        var untitled = await Driver.WaitForRunAsync(ids[3]);
        Assert.Equal((RunStatus.Succeeded, null), (untitled.Run.Status, untitled.Run.Title));
    }
}
