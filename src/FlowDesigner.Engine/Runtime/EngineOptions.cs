namespace FlowDesigner.Engine.Runtime;

/// <summary>The engine's settings; the <c>Engine</c> section.</summary>
public sealed class EngineOptions
{
    public const string Section = "Engine";

    /// <summary>Values expressions may read as <c>env.NAME</c>. Default none.</summary>
    public Dictionary<string, string> Env { get; set; } = [];

    /// <summary>How often the recovery sweep looks for steps whose job is gone. Default 60 s.</summary>
    public int RecoveryIntervalSeconds { get; set; } = 60;

    /// <summary>
    /// How often this engine node renews its heartbeat and looks for runs to take over. A node that has not beaten
    /// for three periods is gone, and another takes over the runs it held. Default 5 s.
    /// </summary>
    public int HeartbeatSeconds { get; set; } = 5;

    /// <summary>When retention prunes run history (a cron expression, UTC). Default: every 10 minutes.</summary>
    public string RetentionCron { get; set; } = "*/10 * * * *";

    /// <summary>How many runs started without a waiting caller (async webhooks, events, schedules) advance at once. Default 64.</summary>
    public int RunConcurrency { get; set; } = 64;

    /// <summary>The largest webhook body accepted, in bytes. Default 1 MB.</summary>
    public int MaxWebhookBodyBytes { get; set; } = 1024 * 1024;
}
