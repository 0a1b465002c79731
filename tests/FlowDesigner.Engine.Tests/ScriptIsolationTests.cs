using System.Text.Json;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Tests;

public sealed class ScriptIsolationTests : EngineTestBase
{
    // Reports what earlier scripts could have left behind, then tries to leave each of those things behind itself.
    private const string Meddler = """
        const found = {
          global: typeof globalThis.leak,
          arrayMethod: typeof [].extra,
          objectProperty: typeof ({}).polluted,
          random: Math.random() === 4,
          json: JSON.stringify({ a: 1 }),
        };
        globalThis.leak = 1;
        Array.prototype.extra = () => 1;
        Object.prototype.polluted = 1;
        Math.random = () => 4;
        JSON.stringify = () => 'meddled';
        return found;
        """;

    [Fact]
    public async Task ACodeStep_SeesNothingAnEarlierScriptLeftBehind_InTheSameRunOrTheNext()
    {
        var workflowId = await Driver.PublishAsync("""
            { "schema": 1, "name": "Meddling", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "meddle" } },
              { "id": "first", "type": "core.code", "name": "First", "config": { "code": MEDDLER } },
              { "id": "second", "type": "core.code", "name": "Second", "config": { "code": MEDDLER } },
              { "id": "set", "type": "core.set", "name": "Expression", "config": { "fields": { "seen": "{{ typeof globalThis.leak + ' ' + typeof [].extra + ' ' + JSON.stringify([1]) }}" } } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "first" }, { "from": "first", "port": "out", "to": "second" },
                         { "from": "second", "port": "out", "to": "set" } ] }
            """.Replace("MEDDLER", JsonSerializer.Serialize(Meddler), StringComparison.Ordinal));

        foreach (var _ in Enumerable.Range(0, 2))
        {
            await Driver.PostAsync("meddle", new { });
            var run = await LatestRunAsync(workflowId);

            Assert.Equal(RunStatus.Succeeded, run.Run.Status);
            foreach (var node in new[] { "first", "second" })
            {
                var found = JsonDocument.Parse(Attempts(run, node).Single().OutputJson!).RootElement;
                Assert.Equal("undefined", found.GetProperty("global").GetString());
                Assert.Equal("undefined", found.GetProperty("arrayMethod").GetString());
                Assert.Equal("undefined", found.GetProperty("objectProperty").GetString());
                Assert.False(found.GetProperty("random").GetBoolean());
                Assert.Equal("""{"a":1}""", found.GetProperty("json").GetString());
            }

            var seen = JsonDocument.Parse(Attempts(run, "set").Single().OutputJson!).RootElement.GetProperty("seen").GetString();
            Assert.Equal("undefined undefined [1]", seen);
        }
    }
}
