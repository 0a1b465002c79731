using System.Text.Json;
using FlowDesigner.Engine.Expressions;
using FlowDesigner.Engine.Runtime;
using FlowDesigner.Engine.Webhooks;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Events;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Engine.Triggers;

/// <summary>
/// Turns a webhook call into a run of the workflow whose active version listens on that method and path. The run
/// is committed before the caller is answered; a repeated dedupe key answers with the first run and starts nothing.
/// </summary>
public sealed class WebhookReceiver(
    ActiveTriggerCache triggers, PlanCache plans, RunStarter starter, RunWorkers workers, RunCompletions completions, ExpressionEvaluator expressions, EngineOptions options)
{
    /// <summary>The published version and trigger that listen on this method and path, or null when none does.</summary>
    public async Task<WebhookTarget?> FindAsync(string method, string path, CancellationToken cancellationToken)
    {
        var trigger = (await triggers.FindAsync(CoreNodeTypes.Webhook, PublishService.WebhookKey(method, path), cancellationToken)).FirstOrDefault();
        if (trigger is null)
        {
            return null;
        }

        var version = (await plans.GetAsync(trigger.VersionId, cancellationToken)).Version;
        return new WebhookTarget(version, version.Definition.Nodes.First(n => n.Type == CoreNodeTypes.Webhook));
    }

    /// <summary>Finds the listening workflow and starts its run; the HTTP endpoint passes the gate in between.</summary>
    public async Task<WebhookResponse> ReceiveAsync(string method, string path, JsonElement payload, string? idempotencyKey, CancellationToken cancellationToken) =>
        await FindAsync(method, path, cancellationToken) is { } target
            ? await ReceiveAsync(target, method, path, payload, idempotencyKey, cancellationToken)
            : NotFound(method, path);

    public static WebhookResponse NotFound(string method, string path) =>
        Problem(404, "No published workflow listens here", $"No active workflow has a webhook trigger for {method.ToUpperInvariant()} /hooks/{path.Trim('/')}. Publish the workflow, or check the method and path.");

    /// <param name="deliveryKey">The sender's id of this delivery (Idempotency-Key, or a Standard Webhooks webhook-id): a repeat starts no run, unless the trigger dedupes by its own key.</param>
    public async Task<WebhookResponse> ReceiveAsync(
        WebhookTarget target, string method, string path, JsonElement payload, string? deliveryKey, CancellationToken cancellationToken)
    {
        var (version, node) = target;
        string? dedupeKey;
        try
        {
            dedupeKey = DedupeKey(node, payload, deliveryKey);
        }
        catch (ExpressionException exception)
        {
            return Problem(400, "The deduplication key could not be computed", exception.Message);
        }

        var origin = new RunOrigin($"{method.ToUpperInvariant()} /hooks/{path.Trim('/')}") { EventType = EventSources.WebhookType, DedupeKey = dedupeKey };
        var waits = PropertyValues.AsText(node.GetConfig("respond")) == "whenFinished";
        var start = await starter.StartAsync(version, RunCause.Webhook, payload, origin, cancellationToken, callerAdvances: waits);
        if (start.IsDuplicate || !waits)
        {
            return new WebhookResponse(202, JsonSerializer.SerializeToElement(new { runId = start.RunId, duplicate = start.IsDuplicate }));
        }

        // The run is advanced on this request, and keeps going if it takes longer than the caller waits.
        var seconds = node.GetConfig("responseTimeoutSeconds") is { ValueKind: JsonValueKind.Number } t ? t.GetDouble() : 30;
        var timeout = TimeSpan.FromSeconds(seconds);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var advancing = workers.AdvanceNowAsync(start.RunId, start.Snapshot);
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var finished = await Task.WhenAny(advancing, Task.Delay(timeout, waiting.Token)) == advancing;
            await waiting.CancelAsync();
            if (finished && await advancing is { } end)
            {
                return Answer(start.RunId, end.Status, end.OutputJson, end.Error);
            }
        }

        var left = timeout - waited.Elapsed;
        var run = left > TimeSpan.Zero ? await completions.WaitAsync(start.RunId, left, cancellationToken) : null;
        return run is null
            ? new WebhookResponse(202, JsonSerializer.SerializeToElement(new { runId = start.RunId, status = "running" }))
            : Answer(start.RunId, run.Status, run.OutputJson, run.Error);
    }

    /// <summary>
    /// A finished run's answer: its output, or 502, as a gateway answers when what stands behind it failed (the
    /// request itself was fine, and the server did not fail); the run id leads to its steps.
    /// </summary>
    private static WebhookResponse Answer(Guid runId, RunStatus status, string? outputJson, string? error) => status == RunStatus.Succeeded
        ? new WebhookResponse(200, ParsedOutputs.ParseOnce(outputJson))
        : Problem(502, $"The workflow's run {status.ToString().ToLowerInvariant()}", $"{error} Its steps are in run {runId}.".TrimStart(), runId);

    private string? DedupeKey(Model.Definitions.NodeDefinition node, JsonElement payload, string? idempotencyKey)
    {
        var configured = PropertyValues.AsText(node.GetConfig("dedupeKey"));
        if (configured.Length == 0)
        {
            return string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        }

        var scope = new ExpressionScope(payload, new Dictionary<string, JsonElement>(), default, options.Env);
        var key = PropertyValues.AsText(expressions.Evaluate(configured, scope, node.Name, "dedupeKey"));
        return key.Length == 0 ? null : key;
    }

    private static WebhookResponse Problem(int status, string title, string detail, Guid? runId = null) =>
        new(status, JsonSerializer.SerializeToElement(new { type = "about:blank", title, status, detail, runId }));
}
