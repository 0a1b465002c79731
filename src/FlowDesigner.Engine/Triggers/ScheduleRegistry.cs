using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Validation;
using Hangfire;

namespace FlowDesigner.Engine.Triggers;

/// <summary>
/// Keeps one Hangfire recurring job per published schedule trigger. Registered on publish, removed on deactivate,
/// and all registered again at start-up (in-memory job storage forgets them on restart).
/// </summary>
public sealed class ScheduleRegistry(IRecurringJobManager recurring, IVersionStore versions)
{
    public const string TriggerType = "core.schedule";

    public static string JobId(Guid workflowId) => $"schedule:{workflowId}";

    public void Register(VersionRecord version)
    {
        if (version.TriggerType != TriggerType)
        {
            recurring.RemoveIfExists(JobId(version.WorkflowId));
            return;
        }

        var trigger = version.Definition.Nodes.First(n => n.Type == TriggerType);
        var zoneName = PropertyValues.AsText(trigger.GetConfig("timeZone"));
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneName.Length == 0 ? "UTC" : zoneName, out var found) ? found : TimeZoneInfo.Utc;
        recurring.AddOrUpdate<ScheduleJobs>(
            JobId(version.WorkflowId),
            jobs => jobs.FireAsync(version.WorkflowId, CancellationToken.None),
            version.TriggerKey!,
            new RecurringJobOptions { TimeZone = zone });
    }

    public void Unregister(Guid workflowId) => recurring.RemoveIfExists(JobId(workflowId));

    public async Task RegisterAllAsync(CancellationToken cancellationToken)
    {
        foreach (var trigger in await versions.FindActiveTriggersAsync(TriggerType, null, cancellationToken))
        {
            Register((await versions.FindAsync(trigger.VersionId, cancellationToken))!);
        }
    }
}
