using System.Diagnostics.Metrics;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// The product's meter (<see cref="MeterName"/>): runs started, finished and failed by workflow, step durations by
/// node type, the runs waiting for their advance in this process, and how long webhook calls take to answer.
/// Exported at <c>/metrics</c> in Prometheus format; with no listener each measurement costs next to nothing.
/// </summary>
public sealed class EngineMetrics
{
    public const string MeterName = "FlowDesigner";

    private readonly Counter<long> _started;
    private readonly Counter<long> _finished;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _stepDuration;
    private readonly Histogram<double> _webhookDuration;

    public EngineMetrics(IMeterFactory meters, RunQueue queue)
    {
        var meter = meters.Create(MeterName);
        _started = meter.CreateCounter<long>("flowdesigner.runs.started", "{run}", "Runs started, by workflow.");
        _finished = meter.CreateCounter<long>("flowdesigner.runs.finished", "{run}", "Runs ended, by workflow and status.");
        _failed = meter.CreateCounter<long>("flowdesigner.runs.failed", "{run}", "Runs that failed, by workflow.");
        _stepDuration = meter.CreateHistogram<double>("flowdesigner.step.duration", "ms", "How long a step's attempt took, by node type.");
        _webhookDuration = meter.CreateHistogram<double>("flowdesigner.webhook.duration", "ms", "How long a webhook call took to answer, by status code.");
        meter.CreateObservableGauge("flowdesigner.queue.depth", () => queue.Count, "{run}", "Runs waiting for their advance in this process.");
    }

    public void RunStarted(Guid workflowId) => _started.Add(1, new KeyValuePair<string, object?>("workflow", workflowId.ToString()));

    public void RunEnded(Guid workflowId, RunStatus status)
    {
        var workflow = new KeyValuePair<string, object?>("workflow", workflowId.ToString());
        _finished.Add(1, workflow, new KeyValuePair<string, object?>("status", StatusName(status)));
        if (status == RunStatus.Failed)
        {
            _failed.Add(1, workflow);
        }
    }

    public void StepTook(string nodeType, TimeSpan duration) =>
        _stepDuration.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("node_type", nodeType));

    public void WebhookTook(int statusCode, TimeSpan duration) =>
        _webhookDuration.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("status_code", statusCode));

    private static string StatusName(RunStatus status) => status switch
    {
        RunStatus.Succeeded => "succeeded",
        RunStatus.Failed => "failed",
        RunStatus.Cancelled => "cancelled",
        _ => status.ToString().ToLowerInvariant(),
    };
}
