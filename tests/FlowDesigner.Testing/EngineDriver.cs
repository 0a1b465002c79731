using System.Text.Json;
using FlowDesigner.Engine.Triggers;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Testing;

/// <summary>Imports, publishes and fires workflows on a <see cref="TestServices"/> host, and waits for their runs.</summary>
public sealed class EngineDriver(IServiceProvider services)
{
    public EngineDriver(TestServices services)
        : this(services.Provider)
    {
    }

    public async Task<Guid> PublishAsync(string json)
    {
        var imported = await services.GetRequiredService<WorkflowService>().ImportAsync(json, TestActors.Test, default);
        if (!imported.Succeeded)
        {
            throw new InvalidOperationException("Import failed: " + string.Join("; ", imported.Problems));
        }

        var published = await services.GetRequiredService<PublishService>().PublishAsync(imported.Workflow.Id, "test", TestActors.Test, default);
        return published.Published
            ? imported.Workflow.Id
            : throw new InvalidOperationException("Publish failed: " + string.Join("; ", published.Issues.Select(i => i.Message)));
    }

    public Task<WebhookResponse> PostAsync(string path, object body, string? idempotencyKey = null) =>
        services.GetRequiredService<WebhookReceiver>().ReceiveAsync("POST", path, JsonSerializer.SerializeToElement(new { body }), idempotencyKey, default);

    public static Guid RunIdOf(WebhookResponse response) => response.Body.GetProperty("runId").GetGuid();

    /// <summary>Waits until the run has ended and returns it with all its steps.</summary>
    public async Task<RunSnapshot> WaitForRunAsync(Guid runId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var snapshot = await services.GetRequiredService<IRunStore>().GetSnapshotAsync(runId, default);
            if (snapshot is { Run.IsTerminal: true })
            {
                return snapshot;
            }

            if (DateTime.UtcNow > deadline)
            {
                var steps = snapshot is null ? "none" : string.Join(", ", snapshot.Steps.Select(s => $"{s.NodeId}[{s.Scope}]#{s.Attempt}={s.Status}"));
                throw new TimeoutException($"Run {runId} did not end in time; status {snapshot?.Run.Status}, steps: {steps}");
            }

            await Task.Delay(50);
        }
    }
}
