using FlowDesigner.Engine.Runtime;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Polling;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Validation;
using Hangfire;

namespace FlowDesigner.Engine.Triggers;

/// <summary>
/// Keeps one Hangfire recurring job per published schedule or polling trigger. Registered on publish, removed on
/// deactivate, and all registered again at start-up (in-memory job storage forgets them on restart).
/// </summary>
public sealed class ScheduleRegistry(IRecurringJobManager recurring, IVersionStore versions, IEnumerable<ITriggerPoller> pollers, EngineOptions options)
{
    private readonly Dictionary<string, ITriggerPoller> _pollers = pollers.ToDictionary(p => p.NodeType, StringComparer.Ordinal);

    public static string JobId(Guid workflowId) => $"schedule:{workflowId}";

    public void Register(VersionRecord version)
    {
        if (version.TriggerType == CoreNodeTypes.Schedule)
        {
            var trigger = version.Definition.Nodes.First(n => n.Type == CoreNodeTypes.Schedule);
            var zoneName = PropertyValues.AsText(trigger.GetConfig("timeZone"));
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneName.Length == 0 ? "UTC" : zoneName, out var found) ? found : TimeZoneInfo.Utc;
            recurring.AddOrUpdate<ScheduleJobs>(
                JobId(version.WorkflowId),
                jobs => jobs.FireAsync(version.WorkflowId, CancellationToken.None),
                version.TriggerKey!,
                new RecurringJobOptions { TimeZone = zone });
        }
        else if (version.TriggerType is { } type && _pollers.TryGetValue(type, out var poller))
        {
            var trigger = version.Definition.Nodes.First(n => n.Type == type);
            recurring.AddOrUpdate<PollJobs>(
                JobId(version.WorkflowId),
                jobs => jobs.PollAsync(version.WorkflowId, CancellationToken.None),
                EveryCron(poller.IntervalSeconds(trigger.Config)),
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        else
        {
            recurring.RemoveIfExists(JobId(version.WorkflowId));
        }
    }

    public void Unregister(Guid workflowId) => recurring.RemoveIfExists(JobId(workflowId));

    /// <summary>Registers every published schedule and polling trigger, and retention's pruning.</summary>
    public async Task RegisterAllAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<Retention.RetentionJobs>(
            Retention.RetentionJobs.JobId, jobs => jobs.PruneAsync(CancellationToken.None), options.RetentionCron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        foreach (var type in _pollers.Keys.Prepend(CoreNodeTypes.Schedule))
        {
            foreach (var trigger in await versions.FindActiveTriggersAsync(type, null, cancellationToken))
            {
                Register((await versions.FindAsync(trigger.VersionId, cancellationToken))!);
            }
        }
    }

    /// <summary>A cron expression (with seconds) that fires every so many seconds: under a minute, whole minutes, or whole hours.</summary>
    public static string EveryCron(int seconds) => seconds switch
    {
        < 60 => $"*/{Math.Max(1, seconds)} * * * * *",
        < 3600 => $"0 */{seconds / 60} * * * *",
        _ => $"0 0 */{Math.Min(23, seconds / 3600)} * * *",
    };
}
