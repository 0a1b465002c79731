using System.Text.Json;
using FlowDesigner.Engine.Expressions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Engine.Runtime;

/// <summary>Starts runs: the event and the run are committed first, and only then is the run advanced.</summary>
public sealed class RunStarter(
    IRunStore runs, PlanCache plans, RunQueue queue, EngineNode node, ExpressionEvaluator expressions, EngineOptions options, EngineMetrics metrics, TimeProvider clock)
{
    /// <param name="callerAdvances">True when the caller advances the run itself (see <see cref="RunWorkers.AdvanceNowAsync"/>).</param>
    public async Task<RunStart> StartAsync(
        VersionRecord version, RunCause cause, JsonElement payload, RunOrigin origin, CancellationToken cancellationToken, bool callerAdvances = false)
    {
        var plan = await plans.GetAsync(version.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new NewRun(
            version.WorkflowId,
            version.Id,
            plan.Trigger.Id,
            cause,
            origin.EventType ?? plan.Trigger.Type,
            origin.Source,
            payload.GetRawText(),
            origin.CorrelationId,
            origin.DedupeKey)
        {
            CausedByRunId = origin.CausedByRunId,
            EventId = origin.EventId,
            ParentStepId = origin.ParentStepId,
            VersionNumber = version.Number,
            Holder = node.Id,
            Title = Title(plan, payload),
        };
        var start = await runs.StartRunAsync(run, now, cancellationToken);
        if (!start.IsDuplicate)
        {
            metrics.RunStarted(version.WorkflowId);
        }

        if (!start.IsDuplicate && !callerAdvances)
        {
            queue.Enqueue(start.RunId, start.Snapshot);
        }

        return start;
    }

    /// <summary>
    /// The trigger's run title over the event, cut to <see cref="RunTitle.MostLength"/>; null when the trigger sets none,
    /// or when its expressions fail on this event (the title only names the run: it never stops it).
    /// </summary>
    private string? Title(WorkflowPlan plan, JsonElement payload)
    {
        if (plan.RunTitle is not { } setting)
        {
            return null;
        }

        try
        {
            var scope = new ExpressionScope(payload, new Dictionary<string, JsonElement>(), default, options.Env);
            var title = PropertyValues.AsText(expressions.Evaluate(setting, scope, plan.Trigger.Name, RunTitle.PropertyName)).Trim();
            return title.Length == 0 ? null : title.Length > RunTitle.MostLength ? title[..RunTitle.MostLength] : title;
        }
        catch (ExpressionException)
        {
            return null;
        }
    }
}
