namespace FlowDesigner.Model.Events;

/// <summary>The text an event's source is written with, one form for each kind, so that its kind is read back from it.</summary>
public static class EventSources
{
    /// <summary>The type of a webhook call's event; its source is the method and path (<c>POST /hooks/orders</c>).</summary>
    public const string WebhookType = "webhook";

    public const string SchedulePrefix = "schedule ";
    public const string PollPrefix = "poll ";
    public const string RunPrefix = "run ";
    public const string ManualPrefix = "Run now by ";

    public static string Schedule(string? cron) => SchedulePrefix + cron;

    public static string Poll(string triggerName) => PollPrefix + triggerName;

    public static string Run(Guid runId) => RunPrefix + runId;

    public static string Manual(string who) => ManualPrefix + who;

    public static EventSourceKind KindOf(string type, string source) =>
        type == WebhookType ? EventSourceKind.Webhook
        : source.StartsWith(SchedulePrefix, StringComparison.Ordinal) ? EventSourceKind.Schedule
        : source.StartsWith(PollPrefix, StringComparison.Ordinal) ? EventSourceKind.Poll
        : source.StartsWith(RunPrefix, StringComparison.Ordinal) ? EventSourceKind.Run
        : EventSourceKind.Manual;
}
